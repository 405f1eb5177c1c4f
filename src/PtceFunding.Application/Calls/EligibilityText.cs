namespace PtceFunding.Application.Calls;

/// <summary>A call's eligibility rules as sentences applicants read.</summary>
public static class EligibilityText
{
    public static IReadOnlyList<string> Describe(EligibilityRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var lines = new List<string>();
        if (rules.EssRequired)
        {
            lines.Add("Le chef de file est une entreprise de l'ESS, ou le consortium en compte au moins une.");
        }

        lines.Add(rules.MinimumMembers <= 1 ? "Le consortium compte au moins 1 membre." : $"Le consortium compte au moins {rules.MinimumMembers} membres.");
        if (rules.AllowedLegalForms.Count > 0)
        {
            lines.Add($"Formes juridiques admises : {string.Join(", ", rules.AllowedLegalForms.Select(LegalForms.Label))}.");
        }

        if (rules.RegionCodes.Count > 0)
        {
            lines.Add($"Le chef de file est situé en {string.Join(", ", rules.RegionCodes.Select(c => FrenchRegion.Find(c)?.Name ?? c))}.");
        }

        if (rules.MaximumAmount is { } maximum)
        {
            lines.Add($"Montant demandé : au plus {Money.Format(maximum)}.");
        }

        lines.Add(rules.MaximumDurationYears == 1 ? "Durée du projet : 1 an au plus." : $"Durée du projet : {rules.MaximumDurationYears} ans au plus.");
        return lines;
    }
}
