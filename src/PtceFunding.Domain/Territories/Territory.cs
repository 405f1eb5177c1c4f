namespace PtceFunding.Domain.Territories;

/// <summary>
/// What a staff member may see: the whole country (national) or one region.
/// Every officer-facing query filters through <see cref="Contains"/>.
/// </summary>
public readonly record struct Territory
{
    private Territory(string? regionCode) => RegionCode = regionCode;

    /// <summary>The INSEE code of the region, or null for the national territory.</summary>
    public string? RegionCode { get; }

    public bool IsNational => RegionCode is null;

    public static Territory National { get; } = new(null);

    public static Territory Region(FrenchRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new(region.InseeCode);
    }

    /// <summary>Rebuilds a territory from its stored form; an unknown code is a programming error.</summary>
    public static Territory FromCode(string? regionCode) => regionCode is null
        ? National
        : Region(FrenchRegion.Find(regionCode) ?? throw new ArgumentException($"Unknown region code '{regionCode}'.", nameof(regionCode)));

    public bool Contains(string regionCode) => IsNational || string.Equals(RegionCode, regionCode, StringComparison.Ordinal);

    public override string ToString() => RegionCode is null ? "national" : FrenchRegion.Find(RegionCode)!.Name;
}
