namespace PtceFunding.Application.Funders;

/// <summary>The funders, optionally of one kind, ordered by name.</summary>
[Allow(Audience.SignedIn)]
public sealed record ListFunders(FunderKind? Kind = null) : IQuery<Result<IReadOnlyList<FunderSummary>>>;

public sealed record FunderSummary(Guid Id, string Name, FunderKind Kind, string? RegionCode, string? RegionName, string TimeZoneId, string? Siret, int Version);

internal sealed class ListFundersHandler(IPtceDbContext db) : IQueryHandler<ListFunders, Result<IReadOnlyList<FunderSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<FunderSummary>>> Handle(ListFunders request, CancellationToken cancellationToken)
    {
        var query = db.Funders.AsNoTracking();
        if (request.Kind is { } kind)
        {
            query = query.Where(f => f.Kind == kind);
        }

        var funders = await query.OrderBy(f => f.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return funders
            .Select(f => new FunderSummary(f.Id.Value, f.Name, f.Kind, f.RegionCode, FrenchRegion.Find(f.RegionCode)?.Name, f.TimeZoneId, f.Siret, f.Version))
            .ToList();
    }
}
