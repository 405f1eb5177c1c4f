namespace PtceFunding.Application.Finance;

/// <summary>
/// Committed, paid and remaining to pay per region of the agreements' current lead member (its registered address),
/// over the agreements' whole duration (definitions on <see cref="FundingLine"/>), for the funders the caller sees.
/// </summary>
[Allow(Audience.FinanceReaders)]
public sealed record GetFundingByRegion(Guid? FunderId = null) : IQuery<Result<FundingByRegion>>;

/// <summary>One row per region with agreements, ordered by region name.</summary>
public sealed record FundingByRegion(IReadOnlyList<RegionFunding> Rows, FundingTotals Totals);

public sealed record RegionFunding(string RegionCode, string RegionName, int Agreements, decimal Committed, decimal Paid, decimal Remaining);

internal sealed class GetFundingByRegionHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetFundingByRegion, Result<FundingByRegion>>
{
    public async ValueTask<Result<FundingByRegion>> Handle(GetFundingByRegion request, CancellationToken cancellationToken)
    {
        var lines = await db.Load(user, request.FunderId, cancellationToken).ConfigureAwait(false);
        var leadIds = lines.Select(l => l.Agreement.LeadOrganisationId).Distinct().ToList();
        var regions = await db.Organisations.AsNoTracking().Where(o => leadIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.RegionCode, cancellationToken).ConfigureAwait(false);
        var rows = lines.GroupBy(l => regions.GetValueOrDefault(l.Agreement.LeadOrganisationId, ""))
            .Select(g => new RegionFunding(
                g.Key,
                FrenchRegion.Find(g.Key)?.Name ?? "Région inconnue",
                g.Select(l => l.Agreement.Id).Distinct().Count(),
                g.Sum(l => l.Committed),
                g.Sum(l => l.Paid),
                g.Sum(l => l.Remaining)))
            .OrderBy(r => r.RegionName, StringComparer.CurrentCulture)
            .ToList();
        return new FundingByRegion(rows, FundingTotals.Of(lines));
    }
}
