namespace PtceFunding.Application.Committee;

/// <summary>
/// A session's agenda for a committee member: the eligible, reviewed applications ranked by their
/// average weighted score (then by submission date), with the officer's proposal and the decisions
/// recorded so far; and, per funder of the call, the envelope against what is already committed and
/// what this session is asked to grant. The scores of an item the member is recused from are hidden.
/// </summary>
[Allow(Audience.CommitteeMembers)]
public sealed record GetSessionAgenda(Guid SessionId) : IQuery<Result<SessionAgenda>>;

public sealed record SessionAgenda(
    Guid Id,
    int Version,
    string Name,
    Guid CallId,
    string CallTitle,
    DateOnly CutOffDate,
    DateOnly MeetingDate,
    SessionStatus Status,
    bool MayDeclareConflicts,
    bool MayDecide,
    IReadOnlyList<AgendaItem> Items,
    IReadOnlyList<EnvelopeLine> Envelopes,
    IReadOnlyList<FunderAmount> CallFunders,
    bool EnvelopeExceeded);

public sealed record AgendaItem(
    int Rank,
    Guid ApplicationId,
    int Version,
    string Title,
    string LeadName,
    string? Reference,
    ApplicationStatus Status,
    DateTime? SubmittedAt,
    decimal TotalRequested,
    IReadOnlyList<FunderAmount> ProposedAmounts,
    decimal TotalProposed,
    int? ProposedDurationYears,
    ScheduleShape? ProposedShape,
    decimal? Score,
    int? Opinions,
    bool? DeclaredConflict,
    bool Recused,
    DecisionView? CurrentDecision,
    IReadOnlyList<DecisionView> SupersededDecisions);

public sealed record FunderAmount(Guid FunderId, string FunderName, decimal Amount);

public sealed record DecisionView(
    Guid Id,
    DecisionOutcome Outcome,
    IReadOnlyList<FunderAmount> Amounts,
    int? DurationYears,
    string? Conditions,
    string? PublicReasons,
    string Rationale,
    string RecordedBy,
    DateTime RecordedAt,
    Guid? SupersedesId,
    DateTime? SupersededAt);

/// <summary>One funder's envelope for the call: committed by current acceptances of any session, proposed to this session, remaining.</summary>
public sealed record EnvelopeLine(Guid FunderId, string FunderName, decimal Envelope, decimal Committed, decimal ProposedInSession, decimal Remaining, bool Exceeded);

internal sealed class GetSessionAgendaHandler(IPtceDbContext db, ICurrentUser user, IApplicationScores scores) : IQueryHandler<GetSessionAgenda, Result<SessionAgenda>>
{
    public async ValueTask<Result<SessionAgenda>> Handle(GetSessionAgenda request, CancellationToken cancellationToken)
    {
        var sessionId = new CommitteeSessionId(request.SessionId);
        var session = await db.CommitteeSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        var call = session is null ? null : await db.Calls.AsNoTracking().SingleAsync(c => c.Id == session.CallId, cancellationToken).ConfigureAwait(false);
        if (session is null || call is null || !user.SitsOn(call))
        {
            return CommitteeAccess.NotFound;
        }

        var memberId = user.UserId!.Value;
        var decisions = await db.CommitteeDecisions.AsNoTracking().Where(d => d.SessionId == sessionId).OrderBy(d => d.RecordedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var decidedIds = decisions.Select(d => d.ApplicationId).Distinct().ToList();
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.SessionId == sessionId || decidedIds.Contains(a.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var scored = await scores.For([.. applications.Select(a => a.Id.Value)], cancellationToken).ConfigureAwait(false);
        var onAgenda = applications
            .Where(a => decidedIds.Contains(a.Id) || IsReady(a, scored.GetValueOrDefault(a.Id.Value)))
            .OrderByDescending(a => scored.GetValueOrDefault(a.Id.Value)?.AverageWeightedScore is null ? 0 : 1)
            .ThenByDescending(a => scored.GetValueOrDefault(a.Id.Value)?.AverageWeightedScore)
            .ThenBy(a => a.SubmittedAt)
            .ToList();

        var conflicts = await db.CommitteeConflicts.AsNoTracking().Where(c => c.SessionId == sessionId && c.MemberId == memberId)
            .ToDictionaryAsync(c => c.ApplicationId, c => c.HasConflict, cancellationToken).ConfigureAwait(false);
        var leadIds = onAgenda.Select(a => a.LeadOrganisationId).Distinct().ToList();
        var leads = await db.Organisations.AsNoTracking().Where(o => leadIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var recorderIds = decisions.Select(d => d.RecordedBy).Distinct().ToList();
        var recorders = await db.Users.AsNoTracking().Where(u => recorderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        var funderIds = call.Funders.Select(f => f.FunderId).ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);

        List<FunderAmount> Amounts(IEnumerable<RequestedAmount> amounts) =>
            [.. amounts.Select(a => new FunderAmount(a.FunderId.Value, funders.GetValueOrDefault(a.FunderId, "?"), a.Amount))];
        DecisionView View(CommitteeDecision d) => new(
            d.Id.Value, d.Outcome, Amounts(d.Amounts), d.DurationYears, d.Conditions, d.PublicReasons, d.Rationale,
            recorders.GetValueOrDefault(d.RecordedBy, "?"), d.RecordedAt, d.SupersedesId?.Value, d.SupersededAt);

        var items = onAgenda.Select((a, index) =>
        {
            var recused = conflicts.GetValueOrDefault(a.Id);
            var score = recused ? null : scored.GetValueOrDefault(a.Id.Value);
            var current = decisions.SingleOrDefault(d => d.ApplicationId == a.Id && d.IsCurrent);
            return new AgendaItem(
                index + 1,
                a.Id.Value,
                a.Version,
                a.Title,
                leads.GetValueOrDefault(a.LeadOrganisationId, "?"),
                a.Reference,
                a.Status,
                a.SubmittedAt,
                a.TotalRequested,
                Amounts(a.ProposedAmounts),
                a.TotalProposed,
                a.ProposedDurationYears,
                a.ProposedShape,
                score?.AverageWeightedScore,
                recused ? null : score?.Opinions ?? 0,
                conflicts.TryGetValue(a.Id, out var declared) ? declared : null,
                recused,
                current is null ? null : View(current),
                [.. decisions.Where(d => d.ApplicationId == a.Id && !d.IsCurrent).OrderByDescending(d => d.RecordedAt).Select(View)]);
        }).ToList();

        var envelopes = await Envelopes(call, onAgenda.Where(a => decisions.All(d => d.ApplicationId != a.Id || !d.IsCurrent)), funders, cancellationToken).ConfigureAwait(false);
        var isMember = user.IsInRole(Roles.CommitteeMember);
        return new SessionAgenda(
            session.Id.Value,
            session.Version,
            session.Name,
            call.Id.Value,
            call.Title,
            session.CutOffDate,
            session.MeetingDate,
            session.Status,
            isMember && session.Status == SessionStatus.Planned,
            isMember && session.Status == SessionStatus.Open,
            items,
            envelopes,
            [.. call.Funders.Select(f => new FunderAmount(f.FunderId.Value, funders.GetValueOrDefault(f.FunderId, "?"), f.Envelope))],
            envelopes.Any(e => e.Exceeded));
    }

    /// <summary>Eligible, with the officer's proposal, and (once review scores exist) at least one submitted opinion.</summary>
    private bool IsReady(FundingApplication application, ApplicationScore? score) =>
        application.Status == ApplicationStatus.Eligible
        && application.ProposedAmounts.Count > 0
        && (!scores.RequiresOpinion || score is { Opinions: > 0 });

    private async Task<List<EnvelopeLine>> Envelopes(Call call, IEnumerable<FundingApplication> undecided, Dictionary<Domain.Funders.FunderId, string> funders, CancellationToken cancellationToken)
    {
        var accepted = await (
                from decision in db.CommitteeDecisions.AsNoTracking().Current()
                join session in db.CommitteeSessions on decision.SessionId equals session.Id
                where session.CallId == call.Id && decision.Outcome == DecisionOutcome.Accepted
                select decision)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var proposed = undecided.SelectMany(a => a.ProposedAmounts).ToList();
        return
        [
            .. call.Funders.Select(f =>
            {
                var committed = accepted.SelectMany(d => d.Amounts).Where(a => a.FunderId == f.FunderId).Sum(a => a.Amount);
                var inSession = proposed.Where(a => a.FunderId == f.FunderId).Sum(a => a.Amount);
                var remaining = f.Envelope - committed;
                return new EnvelopeLine(f.FunderId.Value, funders.GetValueOrDefault(f.FunderId, "?"), f.Envelope, committed, inSession, remaining, inSession > remaining);
            }),
        ];
    }
}
