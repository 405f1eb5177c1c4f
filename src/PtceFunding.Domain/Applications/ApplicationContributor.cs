namespace PtceFunding.Domain.Applications;

/// <summary>A user of another consortium member, invited by the lead member to contribute to a draft application.</summary>
public sealed class ApplicationContributor
{
    private ApplicationContributor()
    {
    }

    internal ApplicationContributor(FundingApplicationId applicationId, Guid userId, OrganisationId organisationId, Guid invitedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        UserId = userId;
        OrganisationId = organisationId;
        InvitedBy = invitedBy;
        InvitedAt = now.UtcDateTime;
    }

    public Guid Id { get; private set; }

    public FundingApplicationId ApplicationId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The member organisation the user acts for; leaving the consortium ends the invitation.</summary>
    public OrganisationId OrganisationId { get; private set; }

    public Guid InvitedBy { get; private set; }

    public DateTime InvitedAt { get; private set; }
}
