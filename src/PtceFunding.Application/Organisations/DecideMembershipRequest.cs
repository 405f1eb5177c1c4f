using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Organisations;

/// <summary>
/// A program officer of the organisation's region verifies or refuses a request to act for it;
/// the applicant is told by e-mail and in the application.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record DecideMembershipRequest(Guid Id, bool Approve, string? Reason) : ICommand<Result>;

internal sealed class DecideMembershipRequestValidator : AbstractValidator<DecideMembershipRequest>
{
    public DecideMembershipRequestValidator() =>
        RuleFor(c => c.Reason).NotEmpty().When(c => !c.Approve).WithMessage("Indiquez le motif du refus : il est communiqué au demandeur.")
            .MaximumLength(1000).WithMessage("Le motif ne peut dépasser 1 000 caractères.");
}

internal sealed class DecideMembershipRequestHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DecideMembershipRequest, Result>
{
    public async ValueTask<Result> Handle(DecideMembershipRequest request, CancellationToken cancellationToken)
    {
        var membership = await db.OrganisationMemberships.FirstOrDefaultAsync(m => m.Id == request.Id, cancellationToken).ConfigureAwait(false);
        var organisation = membership is null
            ? null
            : await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == membership.OrganisationId, cancellationToken).ConfigureAwait(false);

        // Outside the officer's territory the request does not exist, as far as they can tell.
        if (membership is null || organisation is null || !user.Territory.Contains(organisation.RegionCode))
        {
            return Error.NotFound("membership.not_found", "Cette demande n'existe pas.");
        }

        var now = clock.GetUtcNow();
        var decided = request.Approve ? membership.Verify(user.UserId!.Value, now) : membership.Reject(user.UserId!.Value, request.Reason ?? "", now);
        if (!decided.IsSuccess)
        {
            return decided;
        }

        return Result.Success();
    }
}

/// <summary>The person who asked to act for the organisation is told the officer's decision (and the reason of a refusal).</summary>
internal sealed class TellApplicantOfMembershipDecision(IPtceDbContext db, ILinks links) : DomainEventSubscriber<MembershipDecided>
{
    protected override async Task Handle(MembershipDecided decided, CancellationToken cancellationToken)
    {
        var membership = decided.Membership;
        var organisation = await db.OrganisationName(membership.OrganisationId, cancellationToken).ConfigureAwait(false);
        Notice notice = membership.Status == MembershipStatus.Verified
            ? new Notices.MembershipVerified(Organisation: organisation)
            : new Notices.MembershipRejected(Organisation: organisation, Reason: membership.DecisionReason ?? "");
        await db.NotifyUser(membership.UserId, notice with { Link = links.Home() }, $"membership-decision:{membership.Id}", decided.At, cancellationToken).ConfigureAwait(false);
    }
}
