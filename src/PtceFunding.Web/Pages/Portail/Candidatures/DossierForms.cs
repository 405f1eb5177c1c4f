using PtceFunding.Application.Applications;
using PtceFunding.Domain.Applications;

namespace PtceFunding.Web.Pages.Portail.Candidatures;

// The forms of the application page, one per section. Each fills itself from the application and maps
// itself to its command; numbers and dates arrive typed (FrenchModelBinderProvider reads "12 345,67" and
// "30/06/2028" and reports what it cannot read), so a form only adds the errors its own rules find,
// keyed by the form field ("Financing.Resources[2].FunderId").

public sealed class ProjectForm
{
    public int ExpectedVersion { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Territory { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Sectors { get; set; }

    public DateOnly? StartDate { get; set; }

    public int? DurationYears { get; set; }

    public static ProjectForm From(ApplicationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new()
        {
            ExpectedVersion = view.Version,
            Title = view.Title,
            Description = view.Description,
            Territory = view.Territory,
            Sectors = string.Join(", ", view.Sectors),
            StartDate = view.StartDate,
            DurationYears = view.DurationYears,
        };
    }

    public DescribeProject ToCommand(Guid applicationId) =>
        new(applicationId, ExpectedVersion, Title ?? "", Description ?? "", Territory ?? "",
            (Sectors ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StartDate, DurationYears);
}

public sealed class ConsortiumForm
{
    public int ExpectedVersion { get; set; }

    public IList<MemberRow> Members { get; set; } = [];

    public static ConsortiumForm From(ApplicationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new()
        {
            ExpectedVersion = view.Version,
            Members = [.. view.Members.Select(m => new MemberRow { OrganisationId = m.OrganisationId, Role = m.Role, BudgetShare = m.BudgetShare })],
        };
    }

    /// <summary>The members as typed; the lead member stays the one the application names.</summary>
    public ComposeConsortium ToCommand(Guid applicationId, Guid leadOrganisationId) =>
        new(applicationId, ExpectedVersion, [.. Members.Select(m => new MemberInput(m.OrganisationId, m.Role, m.OrganisationId == leadOrganisationId, m.BudgetShare))]);
}

public sealed class MemberRow
{
    public Guid OrganisationId { get; set; }

    public MemberRole Role { get; set; }

    /// <summary>Percentage, optional.</summary>
    public decimal? BudgetShare { get; set; }
}

public sealed class FinancingForm
{
    public int ExpectedVersion { get; set; }

    public IList<ExpenseRow> Expenses { get; set; } = [];

    public IList<ResourceRow> Resources { get; set; } = [];

    /// <summary>The typed lines for each project year, then empty rows to fill in.</summary>
    public static FinancingForm From(ApplicationView view, IReadOnlyList<int> years, int emptyRowsPerYear)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(years);
        var form = new FinancingForm { ExpectedVersion = view.Version };
        foreach (var year in years)
        {
            var expenses = view.Expenses.Where(e => e.Year == year).ToList();
            foreach (var e in expenses)
            {
                form.Expenses.Add(new ExpenseRow { Year = year, Category = e.Category, Amount = e.Amount, Label = e.Label });
            }

            for (var i = expenses.Count; i < Math.Max(emptyRowsPerYear, expenses.Count + 2); i++)
            {
                form.Expenses.Add(new ExpenseRow { Year = year });
            }

            var resources = view.Resources.Where(r => r.Year == year).ToList();
            foreach (var r in resources)
            {
                form.Resources.Add(new ResourceRow { Year = year, Source = r.Source, FunderId = r.FunderId, Amount = r.Amount, Label = r.Label });
            }

            for (var i = resources.Count; i < Math.Max(emptyRowsPerYear, resources.Count + 2); i++)
            {
                form.Resources.Add(new ResourceRow { Year = year });
            }
        }

        return form;
    }

    /// <summary>The filled lines (a line without an amount is an empty row); what is asked of each of the call's funders is what the plan expects from it.</summary>
    public PlanFinancing ToCommand(Guid applicationId, IDictionary<string, string> fieldErrors)
    {
        ArgumentNullException.ThrowIfNull(fieldErrors);
        var expenses = Expenses.Where(r => r.Amount is not null)
            .Select(r => new ExpenseLine(r.Year, r.Category, r.Amount!.Value, Trimmed(r.Label)))
            .ToList();
        var resources = new List<ResourceInput>();
        for (var i = 0; i < Resources.Count; i++)
        {
            var row = Resources[i];
            if (row.Amount is not { } amount)
            {
                continue;
            }

            if (row.FunderId is not null && !ResourceLine.MayNameAFunder(row.Source))
            {
                fieldErrors[$"Financing.Resources[{i}].FunderId"] = FinancingPlan.FunderOnlyForStateOrRegion;
            }

            resources.Add(new ResourceInput(row.Year, row.Source, amount, row.FunderId, Trimmed(row.Label)));
        }

        var requested = resources.Where(r => r.FunderId is not null)
            .GroupBy(r => r.FunderId!.Value)
            .Select(g => new RequestedAmountInput(g.Key, g.Sum(r => r.Amount)))
            .ToList();
        return new PlanFinancing(applicationId, ExpectedVersion, expenses, resources, requested);
    }

    private static string? Trimmed(string? label) => string.IsNullOrWhiteSpace(label) ? null : label.Trim();
}

public sealed class ExpenseRow
{
    public int Year { get; set; }

    public ExpenseCategory Category { get; set; }

    [Euros]
    public decimal? Amount { get; set; }

    public string? Label { get; set; }
}

public sealed class ResourceRow
{
    public int Year { get; set; }

    public ResourceSource Source { get; set; }

    public Guid? FunderId { get; set; }

    [Euros]
    public decimal? Amount { get; set; }

    public string? Label { get; set; }
}

public sealed class IndicatorsForm
{
    public int ExpectedVersion { get; set; }

    public IList<IndicatorRow> Items { get; set; } = [];

    public static IndicatorsForm From(ApplicationView view, IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(years);
        return new()
        {
            ExpectedVersion = view.Version,
            Items = [.. view.Rules.Indicators.Select(definition =>
            {
                var commitment = view.Indicators.FirstOrDefault(i => string.Equals(i.Code, definition.Code, StringComparison.OrdinalIgnoreCase));
                return new IndicatorRow
                {
                    Code = definition.Code,
                    Baseline = commitment?.Baseline,
                    Targets = [.. years.Select(y => commitment is not null && y <= commitment.YearlyTargets.Count ? commitment.YearlyTargets[y - 1] : (decimal?)null)],
                };
            })],
        };
    }

    /// <summary>The indicators committed to: an untouched row is not committed to yet; a started one needs its baseline and every yearly target.</summary>
    public CommitToIndicators ToCommand(Guid applicationId, IDictionary<string, string> fieldErrors)
    {
        ArgumentNullException.ThrowIfNull(fieldErrors);
        var commitments = new List<IndicatorCommitment>();
        for (var i = 0; i < Items.Count; i++)
        {
            var row = Items[i];
            var baselineField = $"Indicators.Items[{i}].Baseline";
            if (row.Baseline is null && row.Targets.All(t => t is null) && !HasError(fieldErrors, $"Indicators.Items[{i}]."))
            {
                continue;
            }

            if (row.Baseline is null)
            {
                fieldErrors.TryAdd(baselineField, "Indiquez la valeur de départ.");
            }

            for (var year = 0; year < row.Targets.Count; year++)
            {
                if (row.Targets[year] is null)
                {
                    fieldErrors.TryAdd($"Indicators.Items[{i}].Targets[{year}]", $"Indiquez la cible de l'année {year + 1}.");
                }
            }

            if (row.Baseline is { } baseline)
            {
                commitments.Add(new IndicatorCommitment(row.Code, baseline, [.. row.Targets.OfType<decimal>()]));
            }
        }

        return new CommitToIndicators(applicationId, ExpectedVersion, commitments);
    }

    private static bool HasError(IDictionary<string, string> fieldErrors, string prefix) =>
        fieldErrors.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}

public sealed class IndicatorRow
{
    public string Code { get; set; } = "";

    public decimal? Baseline { get; set; }

    /// <summary>One per project year, year 1 first.</summary>
    public IList<decimal?> Targets { get; set; } = [];
}

/// <summary>What a section's error alert shows.</summary>
public sealed record SectionErrors(DossierModel Page, string Section, string Title);
