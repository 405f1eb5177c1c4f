using PtceFunding.Domain.Applications;

namespace PtceFunding.Web.Pages.Portail.Candidatures;

// The forms of the application page, one per section. Numbers and dates are read as text: the page
// accepts "12 345,67" as well as "12345.67", and says which field it could not read.

public sealed class ProjectForm
{
    public int ExpectedVersion { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Territory { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Sectors { get; set; }

    /// <summary>yyyy-MM-dd, as a date input sends it.</summary>
    public string? StartDate { get; set; }

    public int? DurationYears { get; set; }
}

public sealed class ConsortiumForm
{
    public int ExpectedVersion { get; set; }

    public IList<MemberRow> Members { get; set; } = [];
}

public sealed class MemberRow
{
    public Guid OrganisationId { get; set; }

    public MemberRole Role { get; set; }

    /// <summary>Percentage, optional.</summary>
    public string? BudgetShare { get; set; }
}

public sealed class FinancingForm
{
    public int ExpectedVersion { get; set; }

    public IList<ExpenseRow> Expenses { get; set; } = [];

    public IList<ResourceRow> Resources { get; set; } = [];
}

public sealed class ExpenseRow
{
    public int Year { get; set; }

    public ExpenseCategory Category { get; set; }

    public string? Amount { get; set; }

    public string? Label { get; set; }
}

public sealed class ResourceRow
{
    public int Year { get; set; }

    public ResourceSource Source { get; set; }

    public Guid? FunderId { get; set; }

    public string? Amount { get; set; }

    public string? Label { get; set; }
}

public sealed class IndicatorsForm
{
    public int ExpectedVersion { get; set; }

    public IList<IndicatorRow> Items { get; set; } = [];
}

public sealed class IndicatorRow
{
    public string Code { get; set; } = "";

    public string? Baseline { get; set; }

    /// <summary>One per project year, year 1 first.</summary>
    public IList<string?> Targets { get; set; } = [];
}

/// <summary>What a section's error alert shows.</summary>
public sealed record SectionErrors(DossierModel Page, string Section, string Title);
