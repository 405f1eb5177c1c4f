using PtceFunding.Application.Applications;
using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reviews;

/// <summary>
/// A program officer assigns an expert to a complete or eligible application of their territory.
/// The expert acts for a funder the application is routed to, or for a national funder: an expert
/// of another region never reads a file outside it. They are told in-app and by e-mail.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record AssignReviewer(Guid ApplicationId, Guid ReviewerId) : ICommand<Result<Guid>>;

internal sealed class AssignReviewerValidator : AbstractValidator<AssignReviewer>
{
    public AssignReviewerValidator() =>
        RuleFor(c => c.ReviewerId).NotEmpty().WithMessage("Choisissez l'expert.");
}

internal sealed class AssignReviewerHandler(IPtceDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock, ILinks links)
    : ICommandHandler<AssignReviewer, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AssignReviewer request, CancellationToken cancellationToken)
    {
        var applicationId = new FundingApplicationId(request.ApplicationId);
        var application = await db.Applications.AsNoTracking().VisibleTo(db, user).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (application.Status is not (ApplicationStatus.Complete or ApplicationStatus.Eligible))
        {
            return Error.RuleBroken("review.not_ready", "Un expert se désigne sur un dossier déclaré complet ou éligible.");
        }

        var reviewer = await users.FindInRole(request.ReviewerId, Roles.Reviewer).ConfigureAwait(false);
        if (reviewer is null)
        {
            return Error.RuleBroken("review.not_a_reviewer", "Cette personne n'est pas un expert de la plateforme.");
        }

        if (!await MayReview(reviewer.FunderId, applicationId, cancellationToken).ConfigureAwait(false))
        {
            return Error.RuleBroken("review.reviewer_out_of_territory", "Cet expert n'intervient pas pour un financeur de ce dossier ni au niveau national.");
        }

        if (await db.ReviewerAssignments.AnyAsync(r => r.ApplicationId == applicationId && r.ReviewerId == reviewer.Id, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict("review.already_assigned", "Cet expert est déjà désigné sur ce dossier.");
        }

        var now = clock.GetUtcNow();
        var assignment = ReviewerAssignment.Assign(ReviewerAssignmentId.New(), applicationId, reviewer.Id, user.UserId!.Value, now);
        db.ReviewerAssignments.Add(assignment);

        var officerName = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken).ConfigureAwait(false);
        var callTitle = await db.Calls.AsNoTracking().Where(c => c.Id == application.CallId).Select(c => c.Title).SingleAsync(cancellationToken).ConfigureAwait(false);
        await db.NotifyUser(
            reviewer.Id,
            new Notices.ReviewerAssigned(Reference: application.Reference ?? "", Officer: officerName, Title: application.Title, Call: callTitle)
            {
                Link = links.Expertise(assignment.Id),
            },
            $"reviewer-assigned:{assignment.Id}",
            now,
            cancellationToken).ConfigureAwait(false);
        return assignment.Id.Value;
    }

    /// <summary>The expert's funder is one the application is routed to, or a national one.</summary>
    private async Task<bool> MayReview(FunderId? funderId, FundingApplicationId applicationId, CancellationToken cancellationToken) =>
        funderId is { } id
        && await db.Funders.AsNoTracking().AnyAsync(
            f => f.Id == id && (f.RegionCode == null || db.Applications.Any(a => a.Id == applicationId && a.Routes.Any(r => r.FunderId == id))),
            cancellationToken).ConfigureAwait(false);
}
