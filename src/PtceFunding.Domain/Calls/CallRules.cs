namespace PtceFunding.Domain.Calls;

/// <summary>Who may apply (critères d'éligibilité). Empty lists mean "no restriction".</summary>
public sealed record EligibilityRules(
    bool EssRequired,
    int MinimumMembers,
    IReadOnlyList<LegalForm> AllowedLegalForms,
    IReadOnlyList<string> RegionCodes,
    decimal? MaximumAmount,
    int MaximumDurationYears);

/// <summary>A document every application must attach (pièce justificative), e.g. the statutes.</summary>
public sealed record RequiredDocument(string Code, string Label);

/// <summary>An indicator applicants commit to, with its unit (e.g. "emplois", "ETP", "%").</summary>
public sealed record IndicatorDefinition(string Code, string Label, string Unit);

/// <summary>A criterion of the weighted scoring grid (grille d'évaluation) used in review.</summary>
public sealed record ScoringCriterion(string Code, string Label, decimal Weight, int ScaleMax);

/// <summary>
/// Everything a call asks of an application: eligibility, documents, indicators and the scoring grid.
/// Once the call is published these rules are versioned; an application keeps the version it was filed under.
/// </summary>
public sealed record CallRules(
    EligibilityRules Eligibility,
    IReadOnlyList<RequiredDocument> Documents,
    IReadOnlyList<IndicatorDefinition> Indicators,
    IReadOnlyList<ScoringCriterion> Grid)
{
    public const int LongestAgreementYears = 5;

    /// <summary>Rules that are coherent on their own; every problem is reported, in French.</summary>
    public Result Check()
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => problems[field] = [.. problems.GetValueOrDefault(field) ?? [], message];

        if (Eligibility.MinimumMembers < 1)
        {
            Add("Eligibility.MinimumMembers", "Le nombre minimal de membres est d'au moins 1.");
        }

        if (Eligibility.MaximumDurationYears is < 1 or > LongestAgreementYears)
        {
            Add("Eligibility.MaximumDurationYears", $"La durée maximale est comprise entre 1 et {LongestAgreementYears} ans.");
        }

        if (Eligibility.MaximumAmount is { } max && (max <= 0 || decimal.Round(max, 2) != max))
        {
            Add("Eligibility.MaximumAmount", "Le montant maximal est un montant positif en euros et centimes.");
        }

        foreach (var code in Eligibility.RegionCodes.Where(c => FrenchRegion.Find(c) is null))
        {
            Add("Eligibility.RegionCodes", $"« {code} » n'est pas un code de région INSEE.");
        }

        CheckCodes(Documents.Select(d => (d.Code, d.Label)), "Documents", "pièce", Add);
        CheckCodes(Indicators.Select(i => (i.Code, i.Label)), "Indicators", "indicateur", Add);
        CheckCodes(Grid.Select(c => (c.Code, c.Label)), "Grid", "critère", Add);
        if (Indicators.Any(i => string.IsNullOrWhiteSpace(i.Unit)))
        {
            Add("Indicators", "Chaque indicateur a une unité.");
        }

        if (Grid.Any(c => c.Weight <= 0 || c.ScaleMax < 1))
        {
            Add("Grid", "Chaque critère a un poids positif et une échelle d'au moins 1 point.");
        }

        if (Grid.Count > 0 && Grid.Sum(c => c.Weight) != 100m)
        {
            Add("Grid", $"Les poids de la grille totalisent {Grid.Sum(c => c.Weight)} % au lieu de 100 %.");
        }

        return problems.Count == 0 ? Result.Success() : Error.Validation(problems);
    }

    private static void CheckCodes(IEnumerable<(string Code, string Label)> items, string field, string noun, Action<string, string> add)
    {
        var list = items.ToList();
        if (list.Any(i => string.IsNullOrWhiteSpace(i.Code) || string.IsNullOrWhiteSpace(i.Label)))
        {
            add(field, $"Chaque {noun} a un code et un libellé.");
        }

        foreach (var duplicate in list.GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            add(field, $"Le code « {duplicate.Key} » est utilisé deux fois.");
        }
    }
}

/// <summary>One version of a call's rules; versions are numbered from 1 and never change once the call is published.</summary>
public sealed class CallRuleVersion
{
    private CallRuleVersion()
    {
    }

    internal CallRuleVersion(CallId callId, int number, CallRules rules, DateTimeOffset now)
    {
        CallId = callId;
        Number = number;
        Rules = rules;
        CreatedAt = now.UtcDateTime;
    }

    public CallId CallId { get; private set; }

    public int Number { get; private set; }

    public CallRules Rules { get; internal set; } = null!;

    public DateTime CreatedAt { get; internal set; }
}
