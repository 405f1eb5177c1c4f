namespace PtceFunding.Application.Committee;

/// <summary>The sessions a committee member sits on (the calls their funder funds, or all for national members), latest meeting first.</summary>
[Allow(Audience.CommitteeMembers)]
public sealed record ListCommitteeSessions : IQuery<Result<IReadOnlyList<CommitteeSessionSummary>>>;

public sealed record CommitteeSessionSummary(
    Guid Id, string Name, Guid CallId, string CallTitle, DateOnly CutOffDate, DateOnly MeetingDate, SessionStatus Status, int Applications, int Decisions);

internal sealed class ListCommitteeSessionsHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<ListCommitteeSessions, Result<IReadOnlyList<CommitteeSessionSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<CommitteeSessionSummary>>> Handle(ListCommitteeSessions request, CancellationToken cancellationToken)
    {
        var calls = (await db.CallsOf(user, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id, c => c.Title);
        var callIds = calls.Keys.ToList();
        var sessions = await db.CommitteeSessions.AsNoTracking()
            .Where(s => callIds.Contains(s.CallId))
            .OrderByDescending(s => s.MeetingDate).ThenBy(s => s.Name)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.CallId,
                s.CutOffDate,
                s.MeetingDate,
                s.Status,
                Applications = db.Applications.Count(a => a.SessionId == s.Id),
                Decisions = db.CommitteeDecisions.Count(d => d.SessionId == s.Id && d.SupersededAt == null),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return sessions
            .Select(s => new CommitteeSessionSummary(s.Id.Value, s.Name, s.CallId.Value, calls[s.CallId], s.CutOffDate, s.MeetingDate, s.Status, s.Applications, s.Decisions))
            .ToList();
    }
}
