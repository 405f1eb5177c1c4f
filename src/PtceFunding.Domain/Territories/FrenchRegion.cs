namespace PtceFunding.Domain.Territories;

/// <summary>A French region (région) identified by its INSEE code, with the time zone its deadlines are expressed in.</summary>
public sealed record FrenchRegion(string InseeCode, string Name, string TimeZoneId)
{
    public const string MetropolitanTimeZone = "Europe/Paris";

    public static IReadOnlyList<FrenchRegion> All { get; } =
    [
        new("01", "Guadeloupe", "America/Guadeloupe"),
        new("02", "Martinique", "America/Martinique"),
        new("03", "Guyane", "America/Cayenne"),
        new("04", "La Réunion", "Indian/Reunion"),
        new("06", "Mayotte", "Indian/Mayotte"),
        new("11", "Île-de-France", MetropolitanTimeZone),
        new("24", "Centre-Val de Loire", MetropolitanTimeZone),
        new("27", "Bourgogne-Franche-Comté", MetropolitanTimeZone),
        new("28", "Normandie", MetropolitanTimeZone),
        new("32", "Hauts-de-France", MetropolitanTimeZone),
        new("44", "Grand Est", MetropolitanTimeZone),
        new("52", "Pays de la Loire", MetropolitanTimeZone),
        new("53", "Bretagne", MetropolitanTimeZone),
        new("75", "Nouvelle-Aquitaine", MetropolitanTimeZone),
        new("76", "Occitanie", MetropolitanTimeZone),
        new("84", "Auvergne-Rhône-Alpes", MetropolitanTimeZone),
        new("93", "Provence-Alpes-Côte d'Azur", MetropolitanTimeZone),
        new("94", "Corse", MetropolitanTimeZone),
    ];

    private static readonly Dictionary<string, FrenchRegion> ByCode = All.ToDictionary(r => r.InseeCode, StringComparer.Ordinal);

    public static FrenchRegion? Find(string? inseeCode) =>
        inseeCode is not null && ByCode.TryGetValue(inseeCode, out var region) ? region : null;
}
