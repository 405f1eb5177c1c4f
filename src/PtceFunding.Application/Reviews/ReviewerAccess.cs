using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Reviews;

/// <summary>
/// Who reaches reviews. A reviewer: only their own assignments (anyone else's is "not found"), and
/// an application's content only once they have declared no conflict of interest. Opinions, with
/// their confidential part: the officers who see the application and the committee members of a
/// funder it is routed to (or national ones), except on a file they declared a conflict of interest on; never the consortium.
/// </summary>
public static class ReviewerAccess
{
    public static readonly Error NotFound = Error.NotFound("review.not_found", "Cette expertise n'existe pas.");

    public static IQueryable<ReviewerAssignment> OwnedBy(this IQueryable<ReviewerAssignment> assignments, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId is { } userId && user.IsInRole(Roles.Reviewer)
            ? assignments.Where(a => a.ReviewerId == userId)
            : assignments.Where(_ => false);
    }

    /// <summary>The applications whose opinions the user may read.</summary>
    public static IQueryable<FundingApplication> WithOpinionsVisibleTo(this IQueryable<FundingApplication> applications, IPtceDbContext db, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.ProgramOfficer))
        {
            return applications.VisibleTo(db, user);
        }

        // A member who declared a conflict of interest on a file reads nothing of its opinions (any session).
        if (user.IsInRole(Roles.CommitteeMember) && user.FunderId is { } funderId && user.UserId is { } memberId)
        {
            var submitted = applications.Where(a => a.SubmittedAt != null
                && !db.CommitteeConflicts.Any(c => c.ApplicationId == a.Id && c.MemberId == memberId && c.HasConflict));
            return user.Territory.IsNational ? submitted : submitted.Where(a => a.Routes.Any(r => r.FunderId == funderId));
        }

        return applications.Where(_ => false);
    }
}
