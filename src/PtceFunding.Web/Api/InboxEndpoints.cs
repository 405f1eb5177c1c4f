using PtceFunding.Application.Reviews;
using PtceFunding.Domain.Applications;

namespace PtceFunding.Web.Api;

internal static class InboxEndpoints
{
    public static RouteGroupBuilder MapInboxEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reviews").WithTags("Instruction").RequireAuthorization(Policies.Instructors);

        group.MapGet("/inbox", async (
                    ApplicationStatus? status, Guid? sessionId, string? region, Guid? callId, bool? assignedToMe, InboxSort? sort, int? page, int? pageSize,
                    ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetOfficerInbox(status, sessionId, region, callId, assignedToMe, sort ?? InboxSort.Submitted, page ?? 1, pageSize ?? 25), ct))
                .ToHttp(TypedResults.Ok))
            .ForPartners(PartnerScopes.FunderRead)
            .WithSummary("Les dossiers déposés à instruire de mon territoire : filtres, nombre par statut, tri et pagination.");

        group.MapGet("/inbox/filters", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetInboxFilters(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Les appels, sessions et régions par lesquels filtrer les dossiers à instruire.");

        return api;
    }
}
