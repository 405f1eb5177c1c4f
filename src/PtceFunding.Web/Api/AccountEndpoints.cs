using PtceFunding.Application.Messaging;
using PtceFunding.Application.Users;
using PtceFunding.Web.Security;

namespace PtceFunding.Web.Api;

internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetMyProfile(), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Compte")
            .WithSummary("Le compte connecté : rôles, financeur, territoire.");
        return api;
    }
}
