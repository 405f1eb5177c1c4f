using PtceFunding.Domain.Organisations;

namespace PtceFunding.Domain.Tests.Organisations;

public sealed class OrganisationInvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly OrganisationId Organisation = OrganisationId.New();
    private static readonly Guid Inviter = Guid.CreateVersion7();

    [Fact]
    public void An_invitation_is_for_the_invited_address_whatever_its_case_and_lasts_fourteen_days()
    {
        var invitation = OrganisationInvitation.Issue(Organisation, "  Paul.Martin@Example.FR ", Inviter, "hash", Now);

        Assert.Equal("paul.martin@example.fr", invitation.Email);
        Assert.Equal(Now.AddDays(14).UtcDateTime, invitation.ExpiresAt);
        Assert.True(invitation.Accept(Guid.CreateVersion7(), "PAUL.MARTIN@example.fr", Now.AddDays(13)).IsSuccess);
    }

    [Fact]
    public void Another_address_or_a_late_acceptance_is_refused()
    {
        var invitation = OrganisationInvitation.Issue(Organisation, "paul@example.fr", Inviter, "hash", Now);

        Assert.Equal("invitation.other_address", invitation.Accept(Guid.CreateVersion7(), "pierre@example.fr", Now).Error!.Code);
        Assert.Equal("invitation.expired", invitation.Accept(Guid.CreateVersion7(), "paul@example.fr", Now.AddDays(14)).Error!.Code);
        Assert.False(invitation.IsAccepted);
    }

    [Fact]
    public void Reissuing_replaces_the_token_and_restarts_the_fourteen_days_but_not_once_accepted()
    {
        var invitation = OrganisationInvitation.Issue(Organisation, "paul@example.fr", Inviter, "old", Now);
        var later = Now.AddDays(20);

        Assert.True(invitation.Reissue(Inviter, "new", later).IsSuccess);
        Assert.Equal("new", invitation.TokenHash);
        Assert.Equal(later.AddDays(14).UtcDateTime, invitation.ExpiresAt);

        var colleague = Guid.CreateVersion7();
        Assert.True(invitation.Accept(colleague, "paul@example.fr", later).IsSuccess);
        Assert.True(invitation.Accept(colleague, "paul@example.fr", later).IsSuccess);
        Assert.Equal("invitation.already_accepted", invitation.Accept(Guid.CreateVersion7(), "paul@example.fr", later).Error!.Code);
        Assert.Equal("invitation.already_accepted", invitation.Reissue(Inviter, "newer", later).Error!.Code);
    }

    [Fact]
    public void An_invited_user_is_verified_by_the_inviter_and_a_pending_request_becomes_verified_too()
    {
        var invited = OrganisationMembership.Invited(Organisation, Guid.CreateVersion7(), Inviter, Now);
        Assert.Equal(MembershipStatus.Verified, invited.Status);
        Assert.Equal(Inviter, invited.DecidedBy);

        var pending = OrganisationMembership.Request(Organisation, Guid.CreateVersion7(), "Trésorier", Now);
        Assert.True(pending.AcceptInvitation(Inviter, Now).IsSuccess);
        Assert.Equal(MembershipStatus.Verified, pending.Status);
        Assert.Equal(Inviter, pending.DecidedBy);

        var rejected = OrganisationMembership.Request(Organisation, Guid.CreateVersion7(), "Bénévole", Now);
        Assert.True(rejected.Reject(Guid.CreateVersion7(), "Aucun mandat", Now).IsSuccess);
        Assert.False(rejected.AcceptInvitation(Inviter, Now).IsSuccess);
    }
}
