using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Applications;

public sealed class ConsortiumTests
{
    private readonly DraftApplication _draft = new ApplicationBuilder(new CallBuilder().Build()).Build();

    private FundingApplication Application => _draft.Application;

    private ConsortiumMember LeadMember => new(Application.LeadOrganisationId, MemberRole.Founding, IsLead: true);

    private OrganisationId PartnerId => _draft.Profiles[1].OrganisationId;

    [Fact]
    public void The_consortium_is_replaced_as_a_whole()
    {
        var research = OrganisationId.New();

        var result = Application.ComposeConsortium([LeadMember with { BudgetShare = 70m }, new(research, MemberRole.ResearchPartner, false, 30m)]);

        Assert.True(result.IsSuccess);
        Assert.Equal([Application.LeadOrganisationId, research], Application.Members.Select(m => m.OrganisationId));
    }

    [Fact]
    public void Another_organisation_cannot_become_the_lead_member()
    {
        var result = Application.ComposeConsortium([LeadMember with { IsLead = false }, new(PartnerId, MemberRole.Partner, IsLead: true)]);

        Assert.Equal("application.lead_member_fixed", result.Error?.Code);
        Assert.Equal(Application.LeadOrganisationId, Assert.Single(Application.Members, m => m.IsLead).OrganisationId);
    }

    [Fact]
    public void A_consortium_with_two_leads_is_refused()
    {
        var result = Application.ComposeConsortium([LeadMember, new(PartnerId, MemberRole.Partner, IsLead: true)]);

        Assert.Equal("application.lead_member_fixed", result.Error?.Code);
    }

    [Fact]
    public void A_consortium_without_lead_is_refused()
    {
        var result = Application.ComposeConsortium([new(PartnerId, MemberRole.Partner, IsLead: false)]);

        Assert.Equal("application.lead_member_fixed", result.Error?.Code);
    }

    [Fact]
    public void An_organisation_listed_twice_is_refused()
    {
        var result = Application.ComposeConsortium([LeadMember, new(PartnerId, MemberRole.Partner, false), new(PartnerId, MemberRole.TrainingPartner, false)]);

        Assert.Contains("Members", result.Error!.FieldErrors.Keys);
        Assert.Equal(2, Application.Members.Count);
    }

    [Fact]
    public void Budget_shares_over_100_percent_are_refused()
    {
        var result = Application.ComposeConsortium([LeadMember with { BudgetShare = 60m }, new(PartnerId, MemberRole.Partner, false, 40.01m)]);

        Assert.Contains("Members", result.Error!.FieldErrors.Keys);
    }

    [Fact]
    public void A_negative_budget_share_is_refused()
    {
        var result = Application.ComposeConsortium([LeadMember with { BudgetShare = 110m }, new(PartnerId, MemberRole.Partner, false, -10m)]);

        Assert.Contains("Members", result.Error!.FieldErrors.Keys);
    }

    [Fact]
    public void Budget_shares_totalling_exactly_100_percent_are_accepted()
    {
        Assert.True(Application.ComposeConsortium([LeadMember with { BudgetShare = 60m }, new(PartnerId, MemberRole.Partner, false, 40m)]).IsSuccess);
    }

    [Fact]
    public void A_user_of_another_member_can_be_invited_to_contribute()
    {
        var user = Guid.NewGuid();

        var contributor = Application.InviteContributor(user, PartnerId, ApplicationBuilder.Applicant, ApplicationBuilder.StartedAt).Value;

        Assert.Equal(user, contributor.UserId);
        Assert.Equal(PartnerId, contributor.OrganisationId);
        Assert.Equal(Application.Id, contributor.ApplicationId);
        Assert.Equal(ApplicationBuilder.Applicant, contributor.InvitedBy);
    }

    [Fact]
    public void The_lead_organisation_is_not_invited_as_a_contributor()
    {
        var result = Application.InviteContributor(Guid.NewGuid(), Application.LeadOrganisationId, ApplicationBuilder.Applicant, ApplicationBuilder.StartedAt);

        Assert.Equal("application.contributor_not_member", result.Error?.Code);
    }

    [Fact]
    public void An_organisation_outside_the_consortium_is_not_invited()
    {
        var result = Application.InviteContributor(Guid.NewGuid(), OrganisationId.New(), ApplicationBuilder.Applicant, ApplicationBuilder.StartedAt);

        Assert.Equal("application.contributor_not_member", result.Error?.Code);
    }
}
