namespace PtceFunding.Application.Finance;

/// <summary>
/// The multi-year view a budget office needs: for each funder and each budget (calendar) year, what is committed, what
/// was paid and what remains to pay (definitions on <see cref="FundingLine"/>). Finance staff see their own funder;
/// national staff and platform administrators see every funder, or the one of <see cref="FunderId"/>.
/// </summary>
[Allow(Audience.FinanceReaders)]
public sealed record GetFundingByFunderAndYear(Guid? FunderId = null) : IQuery<Result<FundingByFunderAndYear>>;

/// <summary>One row per funder and budget year, ordered by funder name then year; totals per funder and overall.</summary>
public sealed record FundingByFunderAndYear(IReadOnlyList<FunderYearFunding> Rows, IReadOnlyList<FunderFunding> Funders, FundingTotals Totals);

public sealed record FunderYearFunding(Guid FunderId, string FunderName, int Year, decimal Committed, decimal Paid, decimal Remaining);

public sealed record FunderFunding(Guid FunderId, string FunderName, int Agreements, decimal Committed, decimal Paid, decimal Remaining);

/// <summary>The totals of a view: agreements counted once each, however many funders they have.</summary>
public sealed record FundingTotals(int Agreements, decimal Committed, decimal Paid, decimal Remaining)
{
    internal static FundingTotals Of(IReadOnlyList<FundingLine> lines) =>
        new(lines.Select(l => l.Agreement.Id).Distinct().Count(), lines.Sum(l => l.Committed), lines.Sum(l => l.Paid), lines.Sum(l => l.Remaining));
}

internal sealed class GetFundingByFunderAndYearHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetFundingByFunderAndYear, Result<FundingByFunderAndYear>>
{
    public async ValueTask<Result<FundingByFunderAndYear>> Handle(GetFundingByFunderAndYear request, CancellationToken cancellationToken)
    {
        var lines = await db.Load(user, request.FunderId, cancellationToken).ConfigureAwait(false);
        var byFunder = lines.GroupBy(l => (l.FunderId, l.FunderName)).OrderBy(g => g.Key.FunderName, StringComparer.CurrentCulture).ToList();
        var rows = byFunder
            .SelectMany(g => g.SelectMany(l => l.Years).Distinct().Order().Select(year =>
            {
                var committed = g.Sum(l => l.CommittedIn(year));
                var paid = g.Sum(l => l.PaidIn(year));
                return new FunderYearFunding(g.Key.FunderId.Value, g.Key.FunderName, year, committed, paid, committed - paid);
            }))
            .ToList();
        var funders = byFunder
            .Select(g => new FunderFunding(g.Key.FunderId.Value, g.Key.FunderName, g.Select(l => l.Agreement.Id).Distinct().Count(), g.Sum(l => l.Committed), g.Sum(l => l.Paid), g.Sum(l => l.Remaining)))
            .ToList();
        return new FundingByFunderAndYear(rows, funders, FundingTotals.Of(lines));
    }
}
