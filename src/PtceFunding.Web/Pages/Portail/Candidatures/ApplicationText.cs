using PtceFunding.Application;
using PtceFunding.Domain.Applications;

namespace PtceFunding.Web.Pages.Portail.Candidatures;

/// <summary>The consortium portal's lists of codes and the messages of a refused command (labels, dates and amounts: the presentation kit).</summary>
public static class ApplicationText
{
    public static IReadOnlyList<ExpenseCategory> ExpenseCategories { get; } = Enum.GetValues<ExpenseCategory>();

    public static IReadOnlyList<ResourceSource> ResourceSources { get; } = Enum.GetValues<ResourceSource>();

    public static IReadOnlyList<MemberRole> MemberRoles { get; } = Enum.GetValues<MemberRole>();

    /// <summary>For the pages whose forms still read a number as text: the model binder's rule ("12 345,67", "12345.67").</summary>
    public static bool TryParse(string? text, out decimal value) => FrenchDecimalModelBinder.TryParse(text, out value);

    /// <summary>The failure messages of an error: every broken rule when several were checked at once, else its field errors, else its message.</summary>
    public static IReadOnlyList<string> Messages(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Failures.Count > 0)
        {
            return [.. error.Failures.Select(f => f.Message)];
        }

        return error.FieldErrors.Count > 0 ? [.. error.FieldErrors.SelectMany(f => f.Value).Distinct()] : [error.Message];
    }

    public static bool IsStale(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code == Concurrency.StaleVersion.Code;
    }
}
