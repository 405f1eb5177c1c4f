namespace PtceFunding.Domain.Agreements;

/// <summary>
/// What one funder commits to: its total and its amount for each agreement year, in euros and cents.
/// The yearly amounts add up to the total exactly.
/// </summary>
public sealed record FunderCommitment(FunderId FunderId, decimal Total, IReadOnlyList<decimal> YearlyAmounts);

/// <summary>A member of the consortium party, with its share of the budget; the lead member is the version's <see cref="AgreementVersion.LeadOrganisationId"/>.</summary>
public sealed record AgreementMember(OrganisationId OrganisationId, MemberRole Role, decimal? BudgetShare);

/// <summary>An objective of the agreement: an indicator of the application, its baseline and its target for each project year.</summary>
public sealed record AgreementObjective(string IndicatorCode, decimal Baseline, IReadOnlyList<decimal> YearlyTargets);

/// <summary>Payment terms: each agreement year, an advance of <see cref="AdvancePercentage"/> % of that year's amount, the balance once that year's report is approved.</summary>
public sealed record PaymentTerms(decimal AdvancePercentage);

/// <summary>
/// How a draft agreement is laid out, beyond what the decision and the application say: anniversary years
/// instead of calendar years, how many months after a year's end its reports are due, the advance paid
/// each year, and a start date that replaces the application's one when given.
/// </summary>
public sealed record AgreementSettings(
    decimal AdvancePercentage = AgreementSettings.DefaultAdvancePercentage,
    bool AnniversaryYears = false,
    int ReportDueAfterMonths = AgreementSettings.DefaultReportDueAfterMonths,
    DateOnly? StartDate = null)
{
    public const decimal DefaultAdvancePercentage = 50m;

    public const int DefaultReportDueAfterMonths = 6;
}

/// <summary>The kinds of report the consortium owes.</summary>
public enum ReportKind
{
    Activity = 0,
    Financial = 1,
    Final = 2,
}

/// <summary>A report owed under the agreement: for an agreement year (activity, financial) or for the whole agreement (final, <see cref="YearNumber"/> null).</summary>
public sealed record ReportingObligation(ReportKind Kind, int? YearNumber, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn);

/// <summary>Who signs for a party: a funder's officer, or the lead member on behalf of the consortium.</summary>
public enum SignatoryKind
{
    Funder = 0,
    LeadMember = 1,
}

/// <summary>A signature: for which party (the funder, or the lead member when <see cref="FunderId"/> is null), by whom and when.</summary>
public sealed record AgreementSignature(SignatoryKind Kind, FunderId? FunderId, Guid SignedBy, DateTime SignedAt);

/// <summary>A funder's legal commitment (engagement juridique): the reference of the commitment in its budget system.</summary>
public sealed record LegalCommitment(FunderId FunderId, string Reference, Guid RecordedBy, DateTime RecordedAt)
{
    public const int MaxLength = 30;
}

/// <summary>What an amendment (avenant) changes; <see cref="Initial"/> marks the terms as first signed.</summary>
public enum AmendmentKind
{
    Initial = 0,
    ChangeAmount = 1,
    ExtendDuration = 2,
    ChangeYearlySplit = 3,
    ChangeLeadMember = 4,
}

/// <summary>
/// What an amendment asks for. <see cref="Funders"/>: the new commitments of every funder (amount, duration
/// and split changes); <see cref="DurationYears"/>: the new total duration (extension);
/// <see cref="LeadOrganisationId"/>: the new lead member.
/// </summary>
public sealed record AmendmentRequest(
    IReadOnlyList<FunderCommitment>? Funders = null,
    int? DurationYears = null,
    OrganisationId? LeadOrganisationId = null);

/// <summary>
/// The terms of one version of an agreement: number 0 for the terms first drafted and signed, n for the
/// n-th amendment. Versions are never changed; the current one is the last.
/// </summary>
public sealed record AgreementVersion(
    int Number,
    AmendmentKind Kind,
    DateOnly EffectiveOn,
    string? Reason,
    IReadOnlyList<FunderCommitment> Funders,
    int DurationYears,
    OrganisationId LeadOrganisationId,
    DateTime RecordedAt)
{
    public decimal Total => Funders.Sum(f => f.Total);
}
