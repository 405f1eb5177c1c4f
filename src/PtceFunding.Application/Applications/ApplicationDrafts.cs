using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Abstractions;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;

namespace PtceFunding.Application.Applications;

/// <summary>
/// The common path of every edit of a draft by the consortium: find it among the user's own
/// applications, refuse an edit made on an outdated read (409 with the current version), apply the
/// domain change, save, and answer the new version.
/// </summary>
internal static class ApplicationDrafts
{
    public static async Task<Result<int>> Edit(
        IPtceDbContext db, ICurrentUser user, Guid id, int expectedVersion, Func<FundingApplication, Result> change, CancellationToken cancellationToken)
    {
        var application = await db.Applications.EditableBy(db, user.UserId!.Value)
            .FirstOrDefaultAsync(a => a.Id == new FundingApplicationId(id), cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (application.Version != expectedVersion)
        {
            return Application.Concurrency.Stale(application.Version);
        }

        var changed = change(application);
        if (!changed.IsSuccess)
        {
            return changed.Error;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return application.Version;
    }
}
