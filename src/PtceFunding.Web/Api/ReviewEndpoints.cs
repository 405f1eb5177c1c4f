using PtceFunding.Application.Applications;
using PtceFunding.Application.Reviews;
using PtceFunding.Domain.Applications;

namespace PtceFunding.Web.Api;

internal static class ReviewEndpoints
{
    public sealed record AssignmentBody(int? ExpectedVersion, Guid? OfficerId);

    public sealed record CorrectionsBody(int? ExpectedVersion, IReadOnlyList<string>? Items, DateOnly DueOn);

    public sealed record VersionBody(int? ExpectedVersion);

    public sealed record EligibilityBody(int? ExpectedVersion, bool Eligible, string? Reasons);

    public sealed record ProposalBody(int? ExpectedVersion, string? Report, IReadOnlyList<RequestedAmountInput>? Amounts, int DurationYears, ScheduleShape Shape);

    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reviews/applications/{id:guid}").WithTags("Instruction").RequireAuthorization(Policies.ProgramOfficer);

        group.MapGet("/", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetApplicationReview(id), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Le dossier vu par le chargé de mission : toutes les sections, l'historique complet, la proposition et les chargés de mission à qui le confier.");

        group.MapPost("/assignment", async (Guid id, AssignmentBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AssignApplication(id, body.ExpectedVersion, body.OfficerId), ct)).ToHttp(Saved(id)))
            .WithSummary("Prend le dossier en charge (sans officerId) ou le confie à un autre chargé de mission du même financeur.");

        group.MapPost("/corrections", async (Guid id, CorrectionsBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RequestCorrections(id, body.ExpectedVersion, body.Items ?? [], body.DueOn), ct)).ToHttp(Saved(id)))
            .WithSummary("Renvoie le dossier au consortium avec la liste des corrections attendues et leur date limite ; le chef de file est prévenu.");

        group.MapPost("/completeness", async (Guid id, VersionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ConfirmCompleteness(id, body.ExpectedVersion), ct)).ToHttp(Saved(id)))
            .WithSummary("Déclare le dossier complet.");

        group.MapPost("/eligibility", async (Guid id, EligibilityBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeclareEligibility(id, body.ExpectedVersion, body.Eligible, body.Reasons), ct)).ToHttp(Saved(id)))
            .WithSummary("Déclare le dossier éligible, ou inéligible avec les motifs communiqués au consortium.");

        group.MapPost("/proposal", async (Guid id, ProposalBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ProposeFunding(id, body.ExpectedVersion, body.Report ?? "", body.Amounts ?? [], body.DurationYears, body.Shape), ct)).ToHttp(Saved(id)))
            .WithSummary("Enregistre le rapport d'instruction et la proposition au comité : montant par financeur de l'appel, durée, forme de l'échéancier.");

        return api;
    }

    private static Func<int, Microsoft.AspNetCore.Http.IResult> Saved(Guid id) => version => TypedResults.Ok(new { id, version });
}
