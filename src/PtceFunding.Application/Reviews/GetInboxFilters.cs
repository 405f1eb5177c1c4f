namespace PtceFunding.Application.Reviews;

/// <summary>
/// What the officer inbox can be filtered by: the published calls of the officer's funder (every call
/// for national staff) with their sessions, and the regions of the officer's territory.
/// </summary>
[Allow(Audience.Instructors)]
public sealed record GetInboxFilters : IQuery<Result<InboxFilters>>;

public sealed record InboxFilters(IReadOnlyList<InboxCall> Calls, IReadOnlyList<FrenchRegion> Regions);

public sealed record InboxCall(Guid Id, string Title, IReadOnlyList<InboxSession> Sessions);

public sealed record InboxSession(Guid Id, string Name, DateOnly CutOffDate);

internal sealed class GetInboxFiltersHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetInboxFilters, Result<InboxFilters>>
{
    public async ValueTask<Result<InboxFilters>> Handle(GetInboxFilters request, CancellationToken cancellationToken)
    {
        // The funders of a call are a JSON column: the (few) calls are filtered here.
        var calls = (await db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft).OrderBy(c => c.Title).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => user.Territory.IsNational || user.FunderId is not { } funderId || c.IsFundedBy(funderId))
            .ToList();
        var ids = calls.Select(c => c.Id).ToList();
        var sessions = (await db.CommitteeSessions.AsNoTracking().Where(s => ids.Contains(s.CallId)).OrderBy(s => s.CutOffDate).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(s => s.CallId);
        var regions = user.Territory.IsNational ? FrenchRegion.All : [.. FrenchRegion.All.Where(r => user.Territory.Contains(r.InseeCode))];
        return new InboxFilters(
            [.. calls.Select(c => new InboxCall(c.Id.Value, c.Title, [.. sessions[c.Id].Select(s => new InboxSession(s.Id.Value, s.Name, s.CutOffDate))]))],
            regions);
    }
}
