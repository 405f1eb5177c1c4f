namespace PtceFunding.Domain.Calls;

/// <summary>Identifies a <see cref="CommitteeSession"/>.</summary>
public readonly record struct CommitteeSessionId(Guid Value)
{
    public static CommitteeSessionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// Where a committee session stands: planned (collecting applications until its cut-off, members
/// declare their conflicts of interest on the agenda), open (the meeting: decisions are recorded),
/// closed (locked; applicants are notified).
/// </summary>
public enum SessionStatus
{
    Planned = 0,
    Closed = 1,
    Open = 2,
}

/// <summary>
/// A selection committee session (comité de sélection) of a call: the applications submitted
/// before the end of its cut-off day (in the call's time zone) are examined at its meeting.
/// </summary>
public sealed class CommitteeSession : AggregateRoot
{
    private CommitteeSession()
    {
    }

    public CommitteeSessionId Id { get; private set; }

    public CallId CallId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Last day (local date in the call's time zone) on which a submitted application joins this session.</summary>
    public DateOnly CutOffDate { get; private set; }

    public DateOnly MeetingDate { get; private set; }

    public SessionStatus Status { get; private set; }

    public static Result<CommitteeSession> Plan(CommitteeSessionId id, Call call, string name, DateOnly cutOffDate, DateOnly meetingDate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Status is CallStatus.Closed or CallStatus.Archived)
        {
            return Error.RuleBroken("call.closed", "Un appel clôturé n'a plus de nouvelle session.");
        }

        if (meetingDate < cutOffDate)
        {
            return Error.Validation("MeetingDate", "Le comité se réunit après la date limite de dépôt de sa session.");
        }

        if (new Deadline(cutOffDate, call.TimeZoneId).IsOverdueAt(now))
        {
            return Error.Validation("CutOffDate", "La date limite de dépôt d'une nouvelle session est déjà passée : choisissez une date à venir.");
        }

        return new CommitteeSession
        {
            Id = id,
            CallId = call.Id,
            Name = name.Trim(),
            CutOffDate = cutOffDate,
            MeetingDate = meetingDate,
            Status = SessionStatus.Planned,
        };
    }

    public DateTime? OpenedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public Deadline CutOff(string timeZoneId) => new(CutOffDate, timeZoneId);

    /// <summary>The meeting starts: decisions may be recorded. Applications filed from now on go to the next session.</summary>
    public Result Open(DateTimeOffset now)
    {
        if (Status != SessionStatus.Planned)
        {
            return Error.RuleBroken("session.not_planned", "Seule une session planifiée peut être ouverte.");
        }

        Status = SessionStatus.Open;
        OpenedAt = now.UtcDateTime;
        return Result.Success();
    }

    /// <summary>The session is locked: no decision is recorded or superseded any more.</summary>
    public Result Close(DateTimeOffset now)
    {
        if (Status != SessionStatus.Open)
        {
            return Error.RuleBroken("session.not_open", "Seule une session ouverte peut être close.");
        }

        Status = SessionStatus.Closed;
        ClosedAt = now.UtcDateTime;
        return Result.Success();
    }

    /// <summary>
    /// The session an application submitted at <paramref name="submittedAt"/> joins: the planned
    /// session with the earliest cut-off whose cut-off day is not over; none when no such session exists yet.
    /// </summary>
    public static CommitteeSession? NextFor(IEnumerable<CommitteeSession> sessions, string timeZoneId, DateTimeOffset submittedAt) =>
        sessions
            .Where(s => s.Status == SessionStatus.Planned && !s.CutOff(timeZoneId).IsOverdueAt(submittedAt))
            .OrderBy(s => s.CutOffDate)
            .ThenBy(s => s.MeetingDate)
            .FirstOrDefault();
}
