namespace PtceFunding.Domain.Calls;

/// <summary>
/// How the agreements of a call's accepted applications are laid out: anniversary years instead of budget (calendar)
/// years, the advance paid each year (percent of that year's amount), and how many months after a year's end its
/// reports are due. Defaults: calendar years, 50 % advance, reports six months after the year.
/// </summary>
public sealed record CallAgreementTerms(bool AnniversaryYears, decimal AdvancePercentage, int ReportDueAfterMonths)
{
    public static CallAgreementTerms Default { get; } = new(false, 50m, 6);

    /// <summary>The default terms as stored (JSON column default of existing calls): keep in step with <see cref="Default"/>.</summary>
    public const string DefaultJson = """{"AnniversaryYears":false,"AdvancePercentage":50,"ReportDueAfterMonths":6}""";

    public Result Check()
    {
        if (AdvancePercentage is < 0m or > 100m || decimal.Round(AdvancePercentage, 2) != AdvancePercentage)
        {
            return Error.Validation(nameof(AdvancePercentage), "L'avance est un pourcentage du montant annuel, entre 0 et 100 %, à deux décimales au plus.");
        }

        if (ReportDueAfterMonths is < 1 or > 24)
        {
            return Error.Validation(nameof(ReportDueAfterMonths), "Les comptes rendus sont dus entre 1 et 24 mois après la fin de l'année.");
        }

        return Result.Success();
    }
}
