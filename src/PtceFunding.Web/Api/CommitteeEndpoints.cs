using PtceFunding.Application.Applications;
using PtceFunding.Application.Committee;
using PtceFunding.Domain.Committee;

namespace PtceFunding.Web.Api;

internal static class CommitteeEndpoints
{
    public sealed record ConflictsBody(IReadOnlyList<ConflictDeclaration> Declarations);

    public sealed record DecisionBody(
        Guid ApplicationId,
        int? ExpectedVersion,
        DecisionOutcome Outcome,
        IReadOnlyList<RequestedAmountInput>? Amounts,
        int? DurationYears,
        string? Conditions,
        string? PublicReasons,
        string? Rationale);

    public static RouteGroupBuilder MapCommitteeEndpoints(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/committee/sessions").WithTags("Comité");
        var members = sessions.MapGroup("").RequireAuthorization(Policies.CommitteeMember);
        var conductors = sessions.MapGroup("").RequireAuthorization(Policies.Instructors);

        members.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListCommitteeSessions(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Les sessions du comité auxquelles je siège : état, dossiers, décisions.");

        members.MapGet("/{id:guid}/agenda", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetSessionAgenda(id), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("L'ordre du jour d'une session : dossiers classés par note, propositions, décisions, enveloppes des financeurs.");

        members.MapPut("/{id:guid}/conflicts", async (Guid id, ConflictsBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeclareCommitteeConflicts(id, body.Declarations ?? []), ct)).ToHttp(conflicts => TypedResults.Ok(new { conflicts })))
            .WithSummary("Je déclare, dossier par dossier, mes conflits d'intérêts avant l'ouverture de la session.");

        members.MapPost("/{id:guid}/decisions", async (Guid id, DecisionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(
                    new RecordDecision(id, body.ApplicationId, body.ExpectedVersion, body.Outcome, body.Amounts, body.DurationYears, body.Conditions, body.PublicReasons, body.Rationale ?? ""),
                    ct))
                .ToHttp(decision => TypedResults.Created($"/api/committee/sessions/{id}/agenda", decision)))
            .WithSummary("Enregistre la décision de la session ouverte sur un dossier ; une nouvelle décision remplace la précédente, qui est conservée.");

        conductors.MapPost("/{id:guid}/open", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new OpenSession(id), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .WithSummary("Ouvre la séance : les décisions peuvent être enregistrées, les déclarations de conflits sont closes.");

        conductors.MapPost("/{id:guid}/close", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CloseSession(id), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Clôt la session : les dossiers non décidés passent à la session suivante et chaque candidat est informé de la décision.");

        return api;
    }
}
