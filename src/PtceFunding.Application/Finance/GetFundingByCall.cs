namespace PtceFunding.Application.Finance;

/// <summary>
/// Committed, paid and remaining to pay per call, over the agreements' whole duration (definitions on
/// <see cref="FundingLine"/>), for the funders the caller sees (optionally the one of <see cref="FunderId"/>).
/// </summary>
[Allow(Audience.FinanceReaders)]
public sealed record GetFundingByCall(Guid? FunderId = null) : IQuery<Result<FundingByCall>>;

/// <summary>One row per call with agreements, ordered by call title.</summary>
public sealed record FundingByCall(IReadOnlyList<CallFunding> Rows, FundingTotals Totals);

public sealed record CallFunding(Guid CallId, string CallTitle, int Agreements, decimal Committed, decimal Paid, decimal Remaining);

internal sealed class GetFundingByCallHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetFundingByCall, Result<FundingByCall>>
{
    public async ValueTask<Result<FundingByCall>> Handle(GetFundingByCall request, CancellationToken cancellationToken)
    {
        var lines = await db.Load(user, request.FunderId, cancellationToken).ConfigureAwait(false);
        var callIds = lines.Select(l => l.Agreement.CallId).Distinct().ToList();
        var titles = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken).ConfigureAwait(false);
        var rows = lines.GroupBy(l => l.Agreement.CallId)
            .Select(g => new CallFunding(
                g.Key.Value,
                titles.GetValueOrDefault(g.Key, ""),
                g.Select(l => l.Agreement.Id).Distinct().Count(),
                g.Sum(l => l.Committed),
                g.Sum(l => l.Paid),
                g.Sum(l => l.Remaining)))
            .OrderBy(r => r.CallTitle, StringComparer.CurrentCulture).ThenBy(r => r.CallId)
            .ToList();
        return new FundingByCall(rows, FundingTotals.Of(lines));
    }
}
