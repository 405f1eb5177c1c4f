namespace PtceFunding.Domain.Applications;

/// <summary>Expense categories of the financing plan (after the CERFA 12156 budget).</summary>
public enum ExpenseCategory
{
    Purchases = 0,
    ExternalServices = 1,
    Staff = 2,
    Taxes = 3,
    Investment = 4,
    OtherOperating = 5,
    InKindContributions = 6,
}

/// <summary>Where resources come from: public funders, EU funds, own revenue, in-kind.</summary>
public enum ResourceSource
{
    State = 0,
    Region = 1,
    Department = 2,
    Intercommunality = 3,
    EuFse = 4,
    EuFeder = 5,
    OwnRevenue = 6,
    InKind = 7,
    Other = 8,
}

/// <summary>An expense of project year <see cref="Year"/> (1 = first year of the project).</summary>
public sealed record ExpenseLine(int Year, ExpenseCategory Category, decimal Amount, string? Label = null);

/// <summary>A resource of project year <see cref="Year"/>; <see cref="FunderId"/> names the call's funder it is asked from, if any.</summary>
public sealed record ResourceLine(int Year, ResourceSource Source, decimal Amount, FunderId? FunderId = null, string? Label = null)
{
    /// <summary>Only a resource of the State or of the Region names one of the call's funders.</summary>
    public static bool MayNameAFunder(ResourceSource source) => source is ResourceSource.State or ResourceSource.Region;
}

/// <summary>
/// The multi-year financing plan (plan de financement): expenses by category and year, resources
/// by source and year. Each year balances to the cent.
/// </summary>
public sealed record FinancingPlan(IReadOnlyList<ExpenseLine> Expenses, IReadOnlyList<ResourceLine> Resources)
{
    public static FinancingPlan Empty { get; } = new([], []);

    public decimal ExpensesOf(int year) => Expenses.Where(e => e.Year == year).Sum(e => e.Amount);

    public decimal ResourcesOf(int year) => Resources.Where(r => r.Year == year).Sum(r => r.Amount);

    public decimal RequestedFrom(FunderId funderId) => Resources.Where(r => r.FunderId == funderId).Sum(r => r.Amount);

    /// <summary>Amounts in euros and cents, never negative; a plan being drafted may be incomplete.</summary>
    public Result CheckAmounts()
    {
        var amounts = Expenses.Select(e => e.Amount).Concat(Resources.Select(r => r.Amount));
        if (amounts.Any(a => !Money.IsValidAmount(a)))
        {
            return Error.Validation("Plan", $"Les montants du plan de financement sont positifs, en euros et centimes, et d'au plus {Money.Format(Money.Maximum)} par ligne.");
        }

        // A draft may be unbalanced, but its years are project years: a year far outside would make every read build it.
        var years = Expenses.Select(e => e.Year).Concat(Resources.Select(r => r.Year));
        return years.Any(y => y is < 1 or > CallRules.LongestAgreementYears)
            ? Error.Validation("Plan", $"Les années du plan de financement vont de 1 à {CallRules.LongestAgreementYears}.")
            : Result.Success();
    }

    /// <summary>A resource line names a funder of the call only for a State or Region resource (field errors by line).</summary>
    public Result CheckFunderLines()
    {
        var errors = Resources
            .Select((line, index) => (line, index))
            .Where(x => x.line.FunderId is not null && !ResourceLine.MayNameAFunder(x.line.Source))
            .ToDictionary(x => $"Resources[{x.index}].FunderId", _ => new[] { FunderOnlyForStateOrRegion }, StringComparer.Ordinal);
        return errors.Count == 0 ? Result.Success() : Error.Validation(errors);
    }

    public const string FunderOnlyForStateOrRegion = "Un financeur de l'appel se choisit pour une ressource de l'État ou de la Région.";

    /// <summary>Every failure that prevents submitting this plan for a project of <paramref name="durationYears"/> years.</summary>
    public IEnumerable<Error> Failures(int durationYears)
    {
        var outside = Expenses.Select(e => e.Year).Concat(Resources.Select(r => r.Year)).Where(y => y < 1 || y > durationYears).Distinct().Order().ToList();
        if (outside.Count > 0)
        {
            yield return Error.RuleBroken("plan.year_outside_project", $"Le plan de financement comporte des lignes pour l'année {string.Join(", ", outside)}, hors de la durée du projet ({durationYears} an(s)).");
        }

        for (var year = 1; year <= durationYears; year++)
        {
            var expenses = ExpensesOf(year);
            var resources = ResourcesOf(year);
            if (expenses == 0)
            {
                yield return Error.RuleBroken("plan.year_without_expenses", $"L'année {year} du plan de financement n'a aucune dépense.");
            }
            else if (expenses != resources)
            {
                yield return Error.RuleBroken(
                    "plan.unbalanced",
                    $"Le plan de financement de l'année {year} n'est pas équilibré : {Money.Format(expenses)} de dépenses pour {Money.Format(resources)} de ressources.");
            }
        }
    }
}
