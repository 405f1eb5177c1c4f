namespace PtceFunding.Application.Reviews;

/// <summary>
/// An expert scores every criterion of the grid of the application's rules version (with a comment
/// each) and gives their opinion, with an optional confidential part for officers and committee.
/// Answers the weighted score on 100 (null for a call without a grid). Final once submitted.
/// </summary>
[Allow(Audience.Reviewers)]
public sealed record SubmitReviewOpinion(
    Guid AssignmentId, IReadOnlyList<CriterionScore>? Scores, ReviewOpinion? Opinion, string? Text, string? ConfidentialText) : ICommand<Result<decimal?>>;

internal sealed class SubmitReviewOpinionValidator : AbstractValidator<SubmitReviewOpinion>
{
    public SubmitReviewOpinionValidator()
    {
        RuleFor(c => c.Opinion).NotNull().WithMessage("Choisissez un avis : favorable, réservé ou défavorable.")
            .IsInEnum().WithMessage("Choisissez un avis : favorable, réservé ou défavorable.");
        RuleFor(c => c.Text).NotEmpty().WithMessage("Rédigez votre avis.")
            .MaximumLength(ReviewerAssignment.TextMaxLength).WithMessage("L'avis ne peut dépasser 8 000 caractères.");
        RuleFor(c => c.ConfidentialText).MaximumLength(ReviewerAssignment.TextMaxLength).WithMessage("La partie confidentielle ne peut dépasser 8 000 caractères.");
        RuleForEach(c => c.Scores).Must(s => s is not null && (s.Comment ?? "").Length <= 2000).WithMessage("Un commentaire ne peut dépasser 2 000 caractères.");
    }
}

internal sealed class SubmitReviewOpinionHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SubmitReviewOpinion, Result<decimal?>>
{
    public async ValueTask<Result<decimal?>> Handle(SubmitReviewOpinion request, CancellationToken cancellationToken)
    {
        var id = new ReviewerAssignmentId(request.AssignmentId);
        var assignment = await db.ReviewerAssignments.OwnedBy(user).FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (assignment is null)
        {
            return ReviewerAccess.NotFound;
        }

        var application = await db.Applications.AsNoTracking().Where(a => a.Id == assignment.ApplicationId)
            .Select(a => new { a.CallId, a.RulesVersion, a.Status }).SingleAsync(cancellationToken).ConfigureAwait(false);
        if (assignment.ContentClosedError() is null && assignment.SubmittedAt is null && application.Status is not (ApplicationStatus.Complete or ApplicationStatus.Eligible))
        {
            return Error.RuleBroken("review.application_closed", $"Ce dossier est {ApplicationWorkflow.InStatus(application.Status)} : il n'attend plus d'avis.");
        }

        // The grid the application was filed under, not the call's current one.
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken).ConfigureAwait(false);
        var submitted = assignment.SubmitOpinion(
            call.RulesOfVersion(application.RulesVersion).Grid, request.Scores ?? [], request.Opinion!.Value, request.Text ?? "", request.ConfidentialText, clock.GetUtcNow());
        return submitted.IsSuccess ? assignment.WeightedScore : submitted.Error;
    }
}
