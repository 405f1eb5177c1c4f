namespace PtceFunding.Domain.Applications;

/// <summary>What a member brings to the consortium.</summary>
public enum MemberRole
{
    Founding = 0,
    Partner = 1,
    LocalAuthorityPartner = 2,
    ResearchPartner = 3,
    TrainingPartner = 4,
    Other = 5,
}

/// <summary>A member of the consortium; exactly one is the lead member (chef de file), the legal beneficiary.</summary>
public sealed record ConsortiumMember(OrganisationId OrganisationId, MemberRole Role, bool IsLead, decimal? BudgetShare = null);

/// <summary>What eligibility needs to know of a member organisation, read from the registry.</summary>
public sealed record MemberProfile(OrganisationId OrganisationId, string Name, LegalForm LegalForm, bool IsEss, string RegionCode);

/// <summary>The amount asked of one of the call's funders, in euros.</summary>
public sealed record RequestedAmount(Funders.FunderId FunderId, decimal Amount);

/// <summary>An indicator the consortium commits to: its baseline and a target for each project year.</summary>
public sealed record IndicatorCommitment(string Code, decimal Baseline, IReadOnlyList<decimal> YearlyTargets);
