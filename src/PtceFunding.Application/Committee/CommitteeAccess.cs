namespace PtceFunding.Application.Committee;

/// <summary>
/// Who sits on which sessions: a committee member sits on the sessions of the calls their funder
/// funds, a national member on every session. Who conducts them (opens and closes): the program
/// officers and administrators of a funder of the call, national officers and platform administrators.
/// Other sessions do not exist, as far as they can tell.
/// </summary>
public static class CommitteeAccess
{
    public static readonly Error NotFound = Error.NotFound("session.not_found", "Cette session n'existe pas.");

    public static readonly Error Recused = Error.Forbidden("committee.recused", "Vous avez déclaré un conflit d'intérêts sur ce dossier : vous ne participez pas à sa décision.");

    public static bool SitsOn(this ICurrentUser user, Call call)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(call);
        return user.IsInRole(Roles.CommitteeMember) && (user.Territory.IsNational || (user.FunderId is { } funderId && call.IsFundedBy(funderId)));
    }

    public static bool Conducts(this ICurrentUser user, Call call)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(call);
        return (user.IsInRole(Roles.ProgramOfficer) || user.IsInRole(Roles.Administrator))
            && (user.FunderId is not { } funderId || user.Territory.IsNational || call.IsFundedBy(funderId));
    }

    /// <summary>The calls whose sessions the committee member sits on (the funders of a call are a JSON list: filtered here).</summary>
    public static async Task<List<Call>> CallsOf(this IPtceDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var calls = await db.Calls.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. calls.Where(user.SitsOn)];
    }

    /// <summary>The session (tracked) and its call, when the user sits on it or conducts it; null otherwise.</summary>
    public static async Task<(CommitteeSession Session, Call Call)?> FindSession(this IPtceDbContext db, ICurrentUser user, Guid sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var session = await db.CommitteeSessions.FindAsync([new CommitteeSessionId(sessionId)], cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return null;
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == session.CallId, cancellationToken).ConfigureAwait(false);
        return user.SitsOn(call) || user.Conducts(call) ? (session, call) : null;
    }

    /// <summary>The next planned session of the call after <paramref name="session"/>: where deferred and unready files go.</summary>
    public static Task<CommitteeSession?> NextPlannedSession(this IPtceDbContext db, CommitteeSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(session);
        return db.CommitteeSessions
            .Where(s => s.CallId == session.CallId && s.Id != session.Id && s.Status == SessionStatus.Planned)
            .OrderBy(s => s.CutOffDate).ThenBy(s => s.MeetingDate)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static Task<bool> IsRecused(this IPtceDbContext db, Guid memberId, CommitteeSessionId sessionId, Domain.Applications.FundingApplicationId applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CommitteeConflicts.AnyAsync(c => c.SessionId == sessionId && c.MemberId == memberId && c.ApplicationId == applicationId && c.HasConflict, cancellationToken);
    }

    public static IQueryable<CommitteeDecision> Current(this IQueryable<CommitteeDecision> decisions) => decisions.Where(d => d.SupersededAt == null);
}
