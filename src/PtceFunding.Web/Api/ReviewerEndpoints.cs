using PtceFunding.Application.Reviews;
using PtceFunding.Domain.Reviews;

namespace PtceFunding.Web.Api;

internal static class ReviewerEndpoints
{
    public sealed record DeclarationBody(bool HasConflict, string? Details);

    public sealed record OpinionBody(IReadOnlyList<CriterionScore>? Scores, ReviewOpinion? Opinion, string? Text, string? ConfidentialText);

    public sealed record AssignBody(Guid ReviewerId);

    public static RouteGroupBuilder MapReviewerEndpoints(this RouteGroupBuilder api)
    {
        var expertise = api.MapGroup("/expertise").WithTags("Expertise").RequireAuthorization(Policies.Reviewer);

        expertise.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListMyReviews(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Mes expertises : dossiers confiés, état de ma déclaration d'intérêts et de mon avis (sans contenu).");

        expertise.MapPost("/{assignmentId:guid}/declaration", async (Guid assignmentId, DeclarationBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeclareConflictOfInterest(assignmentId, body.HasConflict, body.Details), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Déclare l'absence de conflit d'intérêts (le dossier s'ouvre) ou un conflit (l'expert se déporte ; le chargé de mission est prévenu).");

        expertise.MapGet("/{assignmentId:guid}", async (Guid assignmentId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetReviewFile(assignmentId), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Le dossier à expertiser et sa grille d'évaluation, après la déclaration d'absence de conflit d'intérêts (403 avant).");

        expertise.MapPost("/{assignmentId:guid}/opinion", async (Guid assignmentId, OpinionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SubmitReviewOpinion(assignmentId, body.Scores, body.Opinion, body.Text, body.ConfidentialText), ct))
                .ToHttp(score => TypedResults.Ok(new { weightedScore = score })))
            .WithSummary("Remet l'avis : une note et un commentaire par critère, la conclusion, le texte et une partie confidentielle ; définitif.");

        var reviews = api.MapGroup("/reviews/applications").WithTags("Expertise");

        reviews.MapPost("/{id:guid}/reviewers", async (Guid id, AssignBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AssignReviewer(id, body.ReviewerId), ct)).ToHttp(assignmentId => TypedResults.Created($"/api/reviews/applications/{id}/opinions", new { id = assignmentId })))
            .RequireAuthorization(Policies.ProgramOfficer)
            .WithSummary("Le chargé de mission désigne un expert sur un dossier complet ou éligible ; l'expert est prévenu.");

        reviews.MapGet("/{id:guid}/opinions", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListReviewOpinions(id), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ReviewOpinionReaders)
            .WithSummary("Les experts d'un dossier, leurs notes et avis, partie confidentielle comprise, et la note moyenne.");

        return api;
    }
}
