using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Reviews;

/// <summary>What the officers' review commands share: the file they may act on, and whom to tell.</summary>
internal static class ReviewAccess
{
    /// <summary>
    /// The application, tracked, if the officer sees it (routing and territory, see <see cref="ApplicationAccess.VisibleTo"/>)
    /// and it has not changed since the officer read it.
    /// </summary>
    public static async Task<Result<FundingApplication>> ApplicationToReview(
        this IPtceDbContext db, ICurrentUser user, Guid id, IVersioned command, CancellationToken cancellationToken)
    {
        var applicationId = new FundingApplicationId(id);
        var application = await db.Applications.VisibleTo(db, user).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        return db.Editable(application, command, ApplicationAccess.NotFound);
    }
}
