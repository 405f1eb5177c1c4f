using System.Globalization;
using PtceFunding.Application;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Web.Pages.Portail.Candidatures;

/// <summary>How the consortium portal writes applications in French: labels of the codes, money, dates, amounts typed in a form.</summary>
public static class ApplicationText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<ExpenseCategory> ExpenseCategories { get; } = Enum.GetValues<ExpenseCategory>();

    public static IReadOnlyList<ResourceSource> ResourceSources { get; } = Enum.GetValues<ResourceSource>();

    public static IReadOnlyList<MemberRole> MemberRoles { get; } = Enum.GetValues<MemberRole>();

    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Brouillon",
        ApplicationStatus.Submitted => "Déposé",
        ApplicationStatus.Withdrawn => "Retiré",
        ApplicationStatus.CorrectionsRequested => "Corrections demandées",
        ApplicationStatus.Complete => "En instruction",
        ApplicationStatus.Eligible => "Éligible",
        ApplicationStatus.Ineligible => "Inéligible",
        ApplicationStatus.Accepted => "Retenu",
        ApplicationStatus.Rejected => "Non retenu",
        _ => status.ToString(),
    };

    public static string StatusBadge(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "fr-badge--info",
        ApplicationStatus.Submitted or ApplicationStatus.Complete or ApplicationStatus.Eligible or ApplicationStatus.Accepted => "fr-badge--success",
        ApplicationStatus.CorrectionsRequested => "fr-badge--warning",
        ApplicationStatus.Ineligible or ApplicationStatus.Rejected => "fr-badge--error",
        _ => "",
    };

    public static string Label(ExpenseCategory category) => category switch
    {
        ExpenseCategory.Purchases => "Achats",
        ExpenseCategory.ExternalServices => "Services extérieurs",
        ExpenseCategory.Staff => "Charges de personnel",
        ExpenseCategory.Taxes => "Impôts et taxes",
        ExpenseCategory.Investment => "Investissement",
        ExpenseCategory.OtherOperating => "Autres charges",
        ExpenseCategory.InKindContributions => "Contributions volontaires en nature",
        _ => category.ToString(),
    };

    public static string Label(ResourceSource source) => source switch
    {
        ResourceSource.State => "État",
        ResourceSource.Region => "Région",
        ResourceSource.Department => "Département",
        ResourceSource.Intercommunality => "Commune / intercommunalité",
        ResourceSource.EuFse => "FSE",
        ResourceSource.EuFeder => "FEDER",
        ResourceSource.OwnRevenue => "Ressources propres",
        ResourceSource.InKind => "Contributions en nature",
        ResourceSource.Other => "Autre",
        _ => source.ToString(),
    };

    public static string Label(MemberRole role) => role switch
    {
        MemberRole.Founding => "Membre fondateur",
        MemberRole.Partner => "Partenaire",
        MemberRole.LocalAuthorityPartner => "Collectivité partenaire",
        MemberRole.ResearchPartner => "Partenaire de recherche",
        MemberRole.TrainingPartner => "Partenaire de formation",
        MemberRole.Other => "Autre",
        _ => role.ToString(),
    };

    /// <summary>"12 345,67 €".</summary>
    public static string Money(decimal amount) => Domain.Common.Money.Format(amount);

    /// <summary>"1 décembre 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "non renseignée";

    /// <summary>"1 décembre 2026 à 10:00", in the call's time zone (metropolitan France by default).</summary>
    public static string Instant(DateTime utc, string? timeZoneId = null) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId ?? FrenchRegion.MetropolitanTimeZone))
            .ToString("d MMMM yyyy 'à' HH:mm", French);

    /// <summary>"1,5 Mo", "12 ko".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} octets",
        < 1024 * 1024 => $"{(bytes / 1024m).ToString("0.#", French)} ko",
        _ => $"{(bytes / (1024m * 1024m)).ToString("0.#", French)} Mo",
    };

    /// <summary>An amount or a number as shown in an input: "12345,67" (no thousands separator, so that it reads back).</summary>
    public static string Input(decimal? value) => value?.ToString("0.##", French) ?? "";

    /// <summary>
    /// Reads a number typed the French way ("12 345,67") or the international way ("12345.67");
    /// spaces of any kind and a trailing "€" or "%" are ignored.
    /// </summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // char.IsWhiteSpace covers the no-break and narrow no-break spaces French formatting uses.
        var cleaned = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c is not '€' and not '%')]).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

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
