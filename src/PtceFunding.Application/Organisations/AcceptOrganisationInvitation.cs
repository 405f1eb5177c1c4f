namespace PtceFunding.Application.Organisations;

/// <summary>
/// The invited colleague, signed in with the applicant account of the invited address, accepts:
/// they are verified for the organisation at once, on the word of the user who invited them.
/// Accepting twice answers the same.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record AcceptOrganisationInvitation(string Token) : ICommand<Result<Guid>>
{
    public override string ToString() => nameof(AcceptOrganisationInvitation);
}

internal sealed class AcceptOrganisationInvitationValidator : AbstractValidator<AcceptOrganisationInvitation>
{
    public AcceptOrganisationInvitationValidator() =>
        RuleFor(c => c.Token).NotEmpty().WithMessage(AcceptOrganisationInvitationHandler.Unknown.Message);
}

internal sealed class AcceptOrganisationInvitationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AcceptOrganisationInvitation, Result<Guid>>
{
    /// <summary>A token that is wrong, tampered with or replaced by a newer invitation — never saying which.</summary>
    public static readonly Error Unknown = Error.NotFound("invitation.not_found", "Ce lien d'invitation n'est plus valable : demandez à votre collègue de vous inviter à nouveau.");

    public async ValueTask<Result<Guid>> Handle(AcceptOrganisationInvitation request, CancellationToken cancellationToken)
    {
        var hash = InvitationTokens.Hash(request.Token);
        var invitation = await db.OrganisationInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        if (invitation is null)
        {
            return Unknown;
        }

        var userId = user.UserId!.Value;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var accepted = invitation.Accept(userId, email ?? "", now);
        if (!accepted.IsSuccess)
        {
            return accepted.Error;
        }

        var memberships = await db.OrganisationMemberships
            .Where(m => m.OrganisationId == invitation.OrganisationId && m.UserId == userId && m.Status != MembershipStatus.Rejected)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (memberships.FirstOrDefault(m => m.Status == MembershipStatus.Verified) is null)
        {
            if (memberships.FirstOrDefault(m => m.Status == MembershipStatus.Pending) is { } pending)
            {
                var verified = pending.AcceptInvitation(invitation.InvitedBy, now);
                if (!verified.IsSuccess)
                {
                    return verified.Error;
                }
            }
            else
            {
                db.OrganisationMemberships.Add(OrganisationMembership.Invited(invitation.OrganisationId, userId, invitation.InvitedBy, now));
            }
        }

        return invitation.OrganisationId.Value;
    }
}
