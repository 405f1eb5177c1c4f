using PtceFunding.Application.Calls;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Reminders;

namespace PtceFunding.Web.Api;

internal static class CallEndpoints
{
    public sealed record ChangeDetailsBody(CallDetailsInput Details, int? ExpectedVersion);

    public sealed record ChangeRulesBody(CallRules Rules, int? ExpectedVersion);

    public sealed record PlanSessionBody(string Name, DateOnly CutOffDate, DateOnly MeetingDate);

    public sealed record FollowUpBody(CallAgreementTerms AgreementTerms, ReminderPolicy ReminderPolicy, int? ExpectedVersion);

    public static RouteGroupBuilder MapCallEndpoints(this RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/programmes").WithTags("Appels").RequireAuthorization(Policies.Administrator);
        programmes.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListProgrammes(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Les programmes de financement.");
        programmes.MapPost("/", async (CreateProgramme command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(id => TypedResults.Created($"/api/programmes/{id}", new { id })))
            .WithSummary("Crée un programme de financement.");

        var calls = api.MapGroup("/calls").WithTags("Appels").RequireAuthorization(Policies.Administrator);
        calls.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListCalls(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Les appels que je gère : statut, prochaine session, dossiers en attente de session.");
        calls.MapPost("/", async (CreateCall command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(id => TypedResults.Created($"/api/calls/{id}", new { id })))
            .WithSummary("Prépare un appel (brouillon) : financeurs et enveloppes, catégories, dates, règles.");
        calls.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetCall(id), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Un appel : informations, statut, versions de ses règles, sessions.");
        calls.MapPut("/{id:guid}/details", async (Guid id, ChangeDetailsBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeCallDetails(id, body.Details, body.ExpectedVersion), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .WithSummary("Modifie les informations d'un appel (409 si la version lue n'est plus la dernière).");
        calls.MapPut("/{id:guid}/rules", async (Guid id, ChangeRulesBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeCallRules(id, body.Rules, body.ExpectedVersion), ct)).ToHttp(changed => TypedResults.Ok(new { id, changed.Version, changed.RulesVersion })))
            .WithSummary("Modifie les règles d'un appel ; un appel publié en reçoit une nouvelle version (409 si la version lue n'est plus la dernière).");
        calls.MapPut("/{id:guid}/follow-up", async (Guid id, FollowUpBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeCallFollowUp(id, body.AgreementTerms, body.ReminderPolicy, body.ExpectedVersion), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .WithSummary("Modalités des conventions (années civiles ou anniversaires, avance, délai des comptes rendus) et politique de relance d'un appel.");
        calls.MapPost("/{id:guid}/publish", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new PublishCall(id), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Publie un appel en préparation.");
        calls.MapPost("/{id:guid}/close", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new CloseCall(id), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Clôture un appel publié.");
        calls.MapPost("/{id:guid}/archive", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new ArchiveCall(id), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Archive un appel clôturé.");
        calls.MapPost("/{id:guid}/sessions", async (Guid id, PlanSessionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new PlanCommitteeSession(id, body.Name, body.CutOffDate, body.MeetingDate), ct))
                    .ToHttp(planned => TypedResults.Created($"/api/calls/{id}", planned)))
            .WithSummary("Planifie une session du comité ; les dossiers déposés en attente de session la rejoignent.");
        calls.MapGet("/unscheduled-applications", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new CountUnscheduledApplications(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Par appel, le nombre de dossiers déposés qui attendent une session.");

        api.MapGet("/open-calls", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListOpenCalls(), ct)).ToHttp(TypedResults.Ok))
            .AllowAnonymous()
            .WithTags("Appels")
            .WithSummary("Public : les appels ouverts aux candidatures, leurs critères, leurs pièces et la prochaine date limite de dépôt.");
        return api;
    }
}
