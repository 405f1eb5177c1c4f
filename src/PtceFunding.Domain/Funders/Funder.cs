namespace PtceFunding.Domain.Funders;

/// <summary>Identifies a <see cref="Funder"/>.</summary>
public readonly record struct FunderId(Guid Value)
{
    public static FunderId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>The kind of public body that funds PTCE.</summary>
public enum FunderKind
{
    /// <summary>The State at national level (the ministry in charge of the ESS).</summary>
    StateNational = 0,

    /// <summary>A regional office of the State (DREETS / DEETS).</summary>
    StateRegionalOffice = 1,

    /// <summary>A Region (conseil régional / collectivité).</summary>
    Region = 2,
}

/// <summary>A financeur: the State (national or a regional office) or a Region, with the territory it covers.</summary>
public sealed class Funder : AggregateRoot
{
    private Funder(FunderId id, string name, FunderKind kind, string? regionCode)
    {
        Id = id;
        Name = name;
        Kind = kind;
        RegionCode = regionCode;
    }

    public FunderId Id { get; private set; }

    public string Name { get; private set; }

    public FunderKind Kind { get; private set; }

    /// <summary>INSEE code of the region covered, null for the State at national level.</summary>
    public string? RegionCode { get; private set; }

    /// <summary>
    /// The SIRET of the establishment that grants the subsidies (the DREETS, the Region's head office),
    /// published as <c>idAttribuant</c> in the open data; null until an administrator records it.
    /// </summary>
    public string? Siret { get; private set; }

    public Territory Territory => Territory.FromCode(RegionCode);

    /// <summary>The time zone in which this funder's deadlines are calendar dates.</summary>
    public string TimeZoneId => FrenchRegion.Find(RegionCode)?.TimeZoneId ?? FrenchRegion.MetropolitanTimeZone;

    public static Result<Funder> Create(FunderId id, string name, FunderKind kind, string? regionCode)
    {
        var territoryError = CheckTerritory(kind, regionCode);
        if (territoryError is not null)
        {
            return territoryError;
        }

        return new Funder(id, name.Trim(), kind, regionCode);
    }

    public void Rename(string name) => Name = name.Trim();

    /// <summary>Records the funder's SIRET (14 digits with a valid key), or clears it when <paramref name="siret"/> is blank.</summary>
    public Result SetSiret(string? siret)
    {
        if (string.IsNullOrWhiteSpace(siret))
        {
            Siret = null;
            return Result.Success();
        }

        var parsed = Organisations.Siret.Parse(siret);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        Siret = parsed.Value.Value;
        return Result.Success();
    }

    /// <summary>True when the given values describe the same funder, so that a retried creation is a no-op.</summary>
    public bool SameAs(string name, FunderKind kind, string? regionCode) =>
        Name == name.Trim() && Kind == kind && RegionCode == regionCode;

    private static Error? CheckTerritory(FunderKind kind, string? regionCode) => (kind, regionCode) switch
    {
        (FunderKind.StateNational, not null) =>
            Error.RuleBroken("funder.national_has_no_region", "L'État au niveau national ne se rattache à aucune région."),
        (not FunderKind.StateNational, null) =>
            Error.RuleBroken("funder.region_required", "Un financeur régional doit être rattaché à une région."),
        (not FunderKind.StateNational, _) when FrenchRegion.Find(regionCode) is null =>
            Error.Validation(nameof(RegionCode), $"Le code région INSEE « {regionCode} » est inconnu."),
        _ => null,
    };
}
