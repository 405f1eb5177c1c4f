using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Calls;

/// <summary>
/// Per call the administrator manages, how many submitted applications wait for a committee session
/// (submitted while the call had none to join); calls with none waiting are left out.
/// </summary>
[Allow(Audience.Administrators)]
public sealed record CountUnscheduledApplications : IQuery<Result<IReadOnlyList<UnscheduledApplications>>>;

public sealed record UnscheduledApplications(Guid CallId, string Title, int Count);

internal sealed class CountUnscheduledApplicationsHandler(IPtceDbContext db, ICurrentUser user)
    : IQueryHandler<CountUnscheduledApplications, Result<IReadOnlyList<UnscheduledApplications>>>
{
    public async ValueTask<Result<IReadOnlyList<UnscheduledApplications>>> Handle(CountUnscheduledApplications request, CancellationToken cancellationToken)
    {
        var counts = await db.Applications.AsNoTracking()
            .Unscheduled()
            .GroupBy(a => a.CallId)
            .Select(g => new { CallId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (counts.Count == 0)
        {
            return Array.Empty<UnscheduledApplications>();
        }

        var ids = counts.Select(c => c.CallId).ToList();
        var calls = (await db.Calls.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.IsManagedBy(user))
            .ToDictionary(c => c.Id);
        return counts
            .Where(c => calls.ContainsKey(c.CallId))
            .Select(c => new UnscheduledApplications(c.CallId.Value, calls[c.CallId].Title, c.Count))
            .OrderBy(c => c.Title, StringComparer.Ordinal)
            .ToList();
    }
}
