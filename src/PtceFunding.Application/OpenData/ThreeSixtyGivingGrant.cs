using System.Globalization;

namespace PtceFunding.Application.OpenData;

/// <summary>
/// One grant in the 360Giving Data Standard (standard.threesixtygiving.org), the international equivalent of
/// <see cref="ScdlSubvention"/>: one grant per funder × signed agreement, whose recipient is the lead member (the
/// legal beneficiary). Property names are the standard's once serialised in camel case.
/// </summary>
public sealed record ThreeSixtyGivingGrant(
    string Id,
    string Title,
    string Description,
    string Currency,
    decimal AmountAwarded,
    string AwardDate,
    IReadOnlyList<ThreeSixtyGivingPlannedDates> PlannedDates,
    IReadOnlyList<ThreeSixtyGivingOrganisation> RecipientOrganization,
    IReadOnlyList<ThreeSixtyGivingOrganisation> FundingOrganization)
{
    /// <summary>
    /// Grant identifiers start with "360G-" and the publisher's prefix; this platform has no prefix registered with
    /// 360Giving, so it uses its name.
    /// </summary>
    public const string IdPrefix = "360G-ptcefunding-";

    /// <summary>
    /// <c>id</c>: <see cref="IdPrefix"/>, the agreement's and the funder's identifiers; <c>title</c> and
    /// <c>description</c>: the project's (the title again when the description is blank); <c>currency</c>: EUR;
    /// <c>amountAwarded</c>: the funder's total; <c>awardDate</c>: the day of signature; <c>plannedDates</c>: the
    /// agreement's first and last days and its duration in months; <c>recipientOrganization</c>: the lead member;
    /// <c>fundingOrganization</c>: the funder. Organisations are identified as org-id.guide does for France:
    /// FR-SIRET-{14 digits}, or FR-RNA-{W + 9 digits} for an association without a SIRET.
    /// </summary>
    public static ThreeSixtyGivingGrant For(SignedGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var months = ((grant.EndDate.AddDays(1).Year - grant.StartDate.Year) * 12) + grant.EndDate.AddDays(1).Month - grant.StartDate.Month;
        return new ThreeSixtyGivingGrant(
            $"{IdPrefix}{grant.AgreementId}-{grant.FunderId}",
            grant.Title,
            string.IsNullOrWhiteSpace(grant.Description) ? grant.Title : grant.Description,
            "EUR",
            grant.Amount,
            Iso(grant.SignedOn),
            [new ThreeSixtyGivingPlannedDates(Iso(grant.StartDate), Iso(grant.EndDate), months)],
            [new ThreeSixtyGivingOrganisation(OrganisationId(grant.Lead.Siret, grant.Lead.Rna), grant.Lead.Name)],
            [new ThreeSixtyGivingOrganisation(OrganisationId(grant.FunderSiret, null), grant.FunderName)]);
    }

    public static string OrganisationId(string? siret, string? rna) =>
        !string.IsNullOrEmpty(siret) ? $"FR-SIRET-{siret}"
        : !string.IsNullOrEmpty(rna) ? $"FR-RNA-{rna}"
        : throw new ArgumentException("An organisation has a SIRET or an RNA number.", nameof(siret));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>When the funded activity is planned: first and last days, duration in months.</summary>
public sealed record ThreeSixtyGivingPlannedDates(string StartDate, string EndDate, int Duration);

/// <summary>An organisation as 360Giving identifies it.</summary>
public sealed record ThreeSixtyGivingOrganisation(string Id, string Name);

/// <summary>A 360Giving data package: the grants, with what the package schema says of their publication.</summary>
public sealed record ThreeSixtyGivingPackage(
    string Title,
    string Issued,
    string License,
    ThreeSixtyGivingPublisher Publisher,
    IReadOnlyList<ThreeSixtyGivingGrant> Grants);

/// <summary>Who publishes the package.</summary>
public sealed record ThreeSixtyGivingPublisher(string Name);
