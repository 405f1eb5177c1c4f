namespace PtceFunding.Application.OpenData;

/// <summary>
/// One funder's grant in one signed agreement (signed, active, completed or terminated early), with what the
/// open-data formats publish about it: <see cref="ScdlSubvention"/> turns it into one row per beneficiary share,
/// <see cref="ThreeSixtyGivingGrant"/> into one 360Giving grant.
/// </summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="FunderId">The funder (attribuant).</param>
/// <param name="FunderName">The funder's name.</param>
/// <param name="FunderSiret">The funder's SIRET: grants of funders without one are not exported.</param>
/// <param name="Title">The agreement's object: the project's title.</param>
/// <param name="Description">The project's description.</param>
/// <param name="Amount">The funder's total under the agreement's current terms, in euros and cents.</param>
/// <param name="SignedOn">The day of the last signature, in the funder's time zone.</param>
/// <param name="DecisionReference">The committee decision's reference (see <see cref="ScdlSubvention.DecisionReference"/>).</param>
/// <param name="StartDate">The agreement's first day.</param>
/// <param name="EndDate">The agreement's last day under its current terms.</param>
/// <param name="InstallmentCount">How many installments of a non-zero amount pay this funder's total.</param>
/// <param name="Lead">The lead member (chef de file), the legal beneficiary.</param>
/// <param name="Members">The consortium's members with their budget shares, as in the agreement.</param>
public sealed record SignedGrant(
    Guid AgreementId,
    Guid FunderId,
    string FunderName,
    string FunderSiret,
    string Title,
    string Description,
    decimal Amount,
    DateOnly SignedOn,
    string DecisionReference,
    DateOnly StartDate,
    DateOnly EndDate,
    int InstallmentCount,
    GrantBeneficiary Lead,
    IReadOnlyList<GrantMember> Members);

/// <summary>An organisation that benefits from a grant: its name, and its SIRET and/or (an association) RNA number.</summary>
public sealed record GrantBeneficiary(Guid OrganisationId, string Name, string? Siret, string? Rna);

/// <summary>A member of the consortium and its share of the budget in percent (0–100), null when it declared none.</summary>
public sealed record GrantMember(GrantBeneficiary Organisation, decimal? BudgetShare);
