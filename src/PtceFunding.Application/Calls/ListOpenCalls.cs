namespace PtceFunding.Application.Calls;

/// <summary>
/// The calls accepting applications now, as the public reads them: what they fund, who may apply,
/// what to attach, and the cut-off of the next committee session. Anyone may read them.
/// </summary>
// Public: the open calls are published for everyone, signed in or not.
[Allow(Audience.Anyone)]
public sealed record ListOpenCalls : IQuery<Result<IReadOnlyList<OpenCall>>>;

public sealed record OpenCall(
    Guid Id,
    string ProgrammeName,
    string Title,
    string Description,
    CallMode Mode,
    DateOnly OpensOn,
    DateOnly? ClosesOn,
    bool IsTwoStage,
    IReadOnlyList<string> Categories,
    IReadOnlyList<OpenCallFunder> Funders,
    IReadOnlyList<string> Eligibility,
    IReadOnlyList<string> RequiredDocuments,
    IReadOnlyList<OpenCallIndicator> Indicators,
    SessionDates? NextSession);

public sealed record OpenCallFunder(string Name, decimal Envelope);

public sealed record OpenCallIndicator(string Label, string Unit);

internal sealed class ListOpenCallsHandler(IPtceDbContext db, TimeProvider clock) : IQueryHandler<ListOpenCalls, Result<IReadOnlyList<OpenCall>>>
{
    public async ValueTask<Result<IReadOnlyList<OpenCall>>> Handle(ListOpenCalls request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calls = (await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published).OrderBy(c => c.OpensOn).ThenBy(c => c.Title)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.AcceptsApplicationsAt(now))
            .ToList();
        var ids = calls.Select(c => c.Id).ToList();
        var sessions = (await db.CommitteeSessions.AsNoTracking().Where(s => ids.Contains(s.CallId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(s => s.CallId);
        var funderNames = await db.FunderNames(calls.SelectMany(c => c.Funders).Select(f => f.FunderId), cancellationToken).ConfigureAwait(false);
        var programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);

        return calls.Select(c =>
            {
                var rules = c.CurrentRules;
                var next = CommitteeSession.NextFor(sessions[c.Id], c.TimeZoneId, now);
                return new OpenCall(
                    c.Id.Value,
                    programmes.GetValueOrDefault(c.ProgrammeId, ""),
                    c.Title,
                    c.Description,
                    c.Mode,
                    c.OpensOn,
                    c.ClosesOn,
                    c.IsTwoStage,
                    c.Categories,
                    [.. c.Funders.Select(f => new OpenCallFunder(funderNames.GetValueOrDefault(f.FunderId.Value, ""), f.Envelope))],
                    EligibilityText.Describe(rules.Eligibility),
                    [.. rules.Documents.Select(d => d.Label)],
                    [.. rules.Indicators.Select(i => new OpenCallIndicator(i.Label, i.Unit))],
                    next is null ? null : new SessionDates(next.Id.Value, next.Name, next.CutOffDate, next.MeetingDate));
            })
            .ToList();
    }
}
