using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Calls;

/// <summary>The calls the administrator manages, newest first, with their status and next committee session.</summary>
[Allow(Audience.Administrators)]
public sealed record ListCalls : IQuery<Result<IReadOnlyList<CallSummary>>>;

public sealed record CallSummary(
    Guid Id,
    string Title,
    string ProgrammeName,
    CallMode Mode,
    CallStatus Status,
    DateOnly OpensOn,
    DateOnly? ClosesOn,
    int CurrentRulesVersion,
    int Sessions,
    int PlannedSessions,
    SessionDates? NextSession,
    int UnscheduledApplications);

/// <summary>The dates of a committee session: applications submitted until the end of the cut-off day join it.</summary>
public sealed record SessionDates(Guid Id, string Name, DateOnly CutOffDate, DateOnly MeetingDate);

internal sealed class ListCallsHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListCalls, Result<IReadOnlyList<CallSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<CallSummary>>> Handle(ListCalls request, CancellationToken cancellationToken)
    {
        // Funders are a JSON column: the funder filter runs here, over the (few) calls.
        var calls = (await db.Calls.AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.IsManagedBy(user))
            .ToList();
        var ids = calls.Select(c => c.Id).ToList();
        var sessions = (await db.CommitteeSessions.AsNoTracking().Where(s => ids.Contains(s.CallId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(s => s.CallId);
        var unscheduled = await db.Applications.AsNoTracking()
            .Unscheduled().Where(a => ids.Contains(a.CallId))
            .GroupBy(a => a.CallId)
            .Select(g => new { CallId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CallId, g => g.Count, cancellationToken).ConfigureAwait(false);
        var programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();

        return calls.Select(c =>
            {
                var next = CommitteeSession.NextFor(sessions[c.Id], c.TimeZoneId, now);
                return new CallSummary(
                    c.Id.Value,
                    c.Title,
                    programmes.GetValueOrDefault(c.ProgrammeId, ""),
                    c.Mode,
                    c.Status,
                    c.OpensOn,
                    c.ClosesOn,
                    c.CurrentRulesVersion,
                    sessions[c.Id].Count(),
                    sessions[c.Id].Count(s => s.Status == SessionStatus.Planned),
                    next is null ? null : new SessionDates(next.Id.Value, next.Name, next.CutOffDate, next.MeetingDate),
                    unscheduled.GetValueOrDefault(c.Id));
            })
            .ToList();
    }
}
