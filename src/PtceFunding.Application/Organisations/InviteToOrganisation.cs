using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Organisations;

/// <summary>
/// A verified user of an organisation invites a colleague, by e-mail, to act for it. Inviting the
/// same address again while the invitation is pending sends a new link (the previous one stops
/// working); within a minute of the last one it sends nothing, so a double click sends one e-mail.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record InviteToOrganisation(Guid OrganisationId, string Email) : ICommand<Result<Guid>>;

internal sealed class InviteToOrganisationValidator : AbstractValidator<InviteToOrganisation>
{
    public InviteToOrganisationValidator() =>
        RuleFor(c => c.Email).IsEmailAddress("L'adresse électronique de votre collègue est obligatoire.");
}

internal sealed class InviteToOrganisationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, ILinks links)
    : ICommandHandler<InviteToOrganisation, Result<Guid>>
{
    private static readonly TimeSpan DoubleClick = TimeSpan.FromMinutes(1);

    public async ValueTask<Result<Guid>> Handle(InviteToOrganisation request, CancellationToken cancellationToken)
    {
        var organisationId = new OrganisationId(request.OrganisationId);
        var inviterId = user.UserId!.Value;
        if (!await db.IsVerified(organisationId, inviterId, cancellationToken).ConfigureAwait(false))
        {
            return OrganisationMembers.NotFound;
        }

        var email = OrganisationInvitation.NormalizeEmail(request.Email);
        var normalized = email.ToUpperInvariant();
        var alreadyMember = await (
                from membership in db.OrganisationMemberships
                join member in db.Users on membership.UserId equals member.Id
                where membership.OrganisationId == organisationId && membership.Status == MembershipStatus.Verified && member.NormalizedEmail == normalized
                select membership.Id)
            .AnyAsync(cancellationToken).ConfigureAwait(false);
        if (alreadyMember)
        {
            return Error.RuleBroken("invitation.already_member", "Cette personne agit déjà pour l'organisation.");
        }

        var now = clock.GetUtcNow();
        var token = InvitationTokens.New();
        var invitation = await db.OrganisationInvitations
            .FirstOrDefaultAsync(i => i.OrganisationId == organisationId && i.Email == email, cancellationToken).ConfigureAwait(false);
        if (invitation is null)
        {
            invitation = OrganisationInvitation.Issue(organisationId, email, inviterId, InvitationTokens.Hash(token), now);
            db.OrganisationInvitations.Add(invitation);
        }
        else if (!invitation.IsAccepted && !invitation.IsExpired(now) && now.UtcDateTime - invitation.InvitedAt < DoubleClick)
        {
            return invitation.Id;
        }
        else
        {
            var reissued = invitation.Reissue(inviterId, InvitationTokens.Hash(token), now);
            if (!reissued.IsSuccess)
            {
                return reissued.Error;
            }
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.Name, o.Siret, o.Rna }).SingleAsync(cancellationToken).ConfigureAwait(false);
        var inviter = await db.Users.AsNoTracking().Where(u => u.Id == inviterId).Select(u => u.DisplayName).SingleAsync(cancellationToken).ConfigureAwait(false);
        var invitee = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        await db.Enqueue(
            new OutgoingNotification(
                invitee,
                email,
                new Notices.OrganisationInvitation(
                    Organisation: organisation.Name,
                    Inviter: inviter,
                    Identifier: OrganisationMembers.Identifier(organisation.Siret, organisation.Rna),
                    Email: email,
                    Expires: FrenchFormat.DateTime(new DateTimeOffset(DateTime.SpecifyKind(invitation.ExpiresAt, DateTimeKind.Utc)), PlatformTime.TimeZoneId))
                {
                    Link = links.OrganisationInvitation(token),
                },
                NotificationChannels.Email,
                // One e-mail per link issued: a new token is a new message.
                $"{nameof(Notices.OrganisationInvitation)}:{invitation.TokenHash}"),
            now,
            cancellationToken).ConfigureAwait(false);
        return invitation.Id;
    }
}
