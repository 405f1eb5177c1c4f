namespace PtceFunding.Application.Organisations;

/// <summary>For a verified user of an organisation: who else acts for it, and whom they invited.</summary>
[Allow(Audience.Applicants)]
public sealed record ListOrganisationMembers(Guid OrganisationId) : IQuery<Result<OrganisationMemberList>>;

public sealed record OrganisationMemberList(Guid OrganisationId, string OrganisationName, IReadOnlyList<OrganisationMember> Members, IReadOnlyList<PendingInvitation> PendingInvitations);

public sealed record OrganisationMember(Guid UserId, string DisplayName, string Email, DateTime? VerifiedAt);

public sealed record PendingInvitation(Guid Id, string Email, string InvitedBy, DateTime InvitedAt, DateTime ExpiresAt);

internal sealed class ListOrganisationMembersHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListOrganisationMembers, Result<OrganisationMemberList>>
{
    public async ValueTask<Result<OrganisationMemberList>> Handle(ListOrganisationMembers request, CancellationToken cancellationToken)
    {
        var organisationId = new OrganisationId(request.OrganisationId);
        if (!await db.IsVerified(organisationId, user.UserId, cancellationToken).ConfigureAwait(false))
        {
            return OrganisationMembers.NotFound;
        }

        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        var members = await (
                from membership in db.OrganisationMemberships.AsNoTracking()
                join member in db.Users on membership.UserId equals member.Id
                where membership.OrganisationId == organisationId && membership.Status == MembershipStatus.Verified
                orderby member.DisplayName
                select new OrganisationMember(member.Id, member.DisplayName, member.Email ?? "", membership.DecidedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitations = await (
                from invitation in db.OrganisationInvitations.AsNoTracking()
                join inviter in db.Users on invitation.InvitedBy equals inviter.Id
                where invitation.OrganisationId == organisationId && invitation.AcceptedAt == null && invitation.ExpiresAt > now
                orderby invitation.InvitedAt
                select new PendingInvitation(invitation.Id, invitation.Email, inviter.DisplayName, invitation.InvitedAt, invitation.ExpiresAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new OrganisationMemberList(organisationId.Value, name, members, invitations);
    }
}
