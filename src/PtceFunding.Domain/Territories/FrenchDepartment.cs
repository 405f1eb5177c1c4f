namespace PtceFunding.Domain.Territories;

/// <summary>A French department (département) and the region it belongs to, by INSEE codes.</summary>
public static class FrenchDepartment
{
    private static readonly Dictionary<string, string> RegionOfDepartment = Build(
        ("84", "01 03 07 15 26 38 42 43 63 69 73 74"),
        ("27", "21 25 39 58 70 71 89 90"),
        ("53", "22 29 35 56"),
        ("24", "18 28 36 37 41 45"),
        ("94", "2A 2B"),
        ("44", "08 10 51 52 54 55 57 67 68 88"),
        ("32", "02 59 60 62 80"),
        ("11", "75 77 78 91 92 93 94 95"),
        ("28", "14 27 50 61 76"),
        ("75", "16 17 19 23 24 33 40 47 64 79 86 87"),
        ("76", "09 11 12 30 31 32 34 46 48 65 66 81 82"),
        ("52", "44 49 53 72 85"),
        ("93", "04 05 06 13 83 84"),
        ("01", "971"),
        ("02", "972"),
        ("03", "973"),
        ("04", "974"),
        ("06", "976"));

    /// <summary>The 101 departments.</summary>
    public static IReadOnlyCollection<string> All => RegionOfDepartment.Keys;

    /// <summary>The region (INSEE code) of a department, or null for an unknown department.</summary>
    public static string? RegionOf(string department) => RegionOfDepartment.GetValueOrDefault(department);

    /// <summary>
    /// The department of a commune INSEE code (5 characters): the first three for overseas
    /// communes (97x), the first two otherwise (2A/2B for Corsica).
    /// </summary>
    public static string? OfCommune(string communeCode)
    {
        ArgumentNullException.ThrowIfNull(communeCode);
        if (communeCode.Length != 5)
        {
            return null;
        }

        var department = communeCode.StartsWith("97", StringComparison.Ordinal) ? communeCode[..3] : communeCode[..2];
        return RegionOfDepartment.ContainsKey(department) && communeCode[department.Length..].All(char.IsAsciiDigit) ? department : null;
    }

    private static Dictionary<string, string> Build(params (string Region, string Departments)[] regions) =>
        regions.SelectMany(r => r.Departments.Split(' ').Select(d => (Department: d, r.Region)))
            .ToDictionary(p => p.Department, p => p.Region, StringComparer.Ordinal);
}
