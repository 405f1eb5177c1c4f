namespace PtceFunding.Application.Organisations;

/// <summary>
/// An applicant asks to act for an organisation. The first user of an organisation is verified by
/// a program officer of its region; once it has a verified user, newcomers are invited by them.
/// Asking again answers the request already made.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record RequestOrganisationMembership(Guid OrganisationId, string Justification) : ICommand<Result<Guid>>;

internal sealed class RequestOrganisationMembershipValidator : AbstractValidator<RequestOrganisationMembership>
{
    public RequestOrganisationMembershipValidator() =>
        RuleFor(c => c.Justification).NotEmpty().WithMessage("Indiquez à quel titre vous agissez pour cette organisation (fonction, mandat).")
            .MaximumLength(1000).WithMessage("La justification ne peut dépasser 1 000 caractères.");
}

internal sealed class RequestOrganisationMembershipHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RequestOrganisationMembership, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RequestOrganisationMembership request, CancellationToken cancellationToken)
    {
        var organisationId = new OrganisationId(request.OrganisationId);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken).ConfigureAwait(false))
        {
            return Error.NotFound("organisation.not_found", "Cette organisation n'est pas enregistrée.");
        }

        var userId = user.UserId!.Value;
        var memberships = await db.OrganisationMemberships
            .Where(m => m.OrganisationId == organisationId && m.Status != MembershipStatus.Rejected)
            .Select(m => new { m.Id, m.UserId, m.Status })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (memberships.FirstOrDefault(m => m.UserId == userId) is { } mine)
        {
            return mine.Id;
        }

        if (memberships.Any(m => m.Status == MembershipStatus.Verified))
        {
            return Error.RuleBroken("membership.invitation_required", "Cette organisation a déjà un utilisateur vérifié : demandez-lui de vous inviter.");
        }

        var membership = OrganisationMembership.Request(organisationId, userId, request.Justification, clock.GetUtcNow());
        db.OrganisationMemberships.Add(membership);
        return membership.Id;
    }
}
