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
        api.MapPost("/me/email-confirmation", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new SendEmailConfirmation(), ct)).ToHttp(() => TypedResults.Accepted((string?)null)))
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Compte")
            .WithSummary("M'envoie par courriel un lien qui confirme mon adresse électronique.");
        return api;
    }
}
