using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Applications;

/// <summary>
/// The lead member invites a user of another consortium member (verified for that member) to
/// contribute to the draft; they are told by e-mail and in the application. Inviting twice changes nothing.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record InviteContributor(Guid Id, string Email) : ICommand<Result>;

internal sealed class InviteContributorValidator : AbstractValidator<InviteContributor>
{
    public InviteContributorValidator() => RuleFor(c => c.Email).IsEmailAddress("Indiquez l'adresse électronique de la personne à inviter.");
}

internal sealed class InviteContributorHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, ILinks links)
    : ICommandHandler<InviteContributor, Result>
{
    private static readonly Error NotAMemberUser = Error.RuleBroken(
        "application.contributor_not_verified", "Cette personne n'a pas de compte vérifié pour un autre membre du consortium : elle doit d'abord être rattachée à son organisation.");

    public async ValueTask<Result> Handle(InviteContributor request, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var id = new FundingApplicationId(request.Id);
        var application = await db.Applications.EditableBy(db, userId).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (!await db.ActsForLeadMember(application, userId, cancellationToken).ConfigureAwait(false))
        {
            return Error.Forbidden("application.lead_member_only", "Seul le chef de file invite des contributeurs.");
        }

        var email = request.Email.Trim().ToUpperInvariant();
        var invitee = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email)
            .Select(u => new { u.Id }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (invitee is null)
        {
            return NotAMemberUser;
        }

        var memberIds = application.Members.Where(m => !m.IsLead).Select(m => m.OrganisationId).ToList();
        var organisationId = await db.OrganisationMemberships
            .Where(m => m.UserId == invitee.Id && m.Status == MembershipStatus.Verified && memberIds.Contains(m.OrganisationId))
            .Select(m => (OrganisationId?)m.OrganisationId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (organisationId is null)
        {
            return NotAMemberUser;
        }

        if (await db.ApplicationContributors.AnyAsync(c => c.ApplicationId == id && c.UserId == invitee.Id, cancellationToken).ConfigureAwait(false))
        {
            return Result.Success();
        }

        var now = clock.GetUtcNow();
        var invited = application.InviteContributor(invitee.Id, organisationId.Value, userId, now);
        if (!invited.IsSuccess)
        {
            return invited.Error;
        }

        db.ApplicationContributors.Add(invited.Value);
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId.Value || o.Id == application.LeadOrganisationId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var callTitle = await db.Calls.AsNoTracking().Where(c => c.Id == application.CallId).Select(c => c.Title).SingleAsync(cancellationToken).ConfigureAwait(false);
        await db.NotifyUser(
            invitee.Id,
            new Notices.ContributorInvited(
                Title: application.Title, Inviter: user.UserName ?? "", Lead: names[application.LeadOrganisationId], Organisation: names[organisationId.Value], Call: callTitle)
            {
                Link = links.ApplicationFile(application.Id),
            },
            $"contributor-invited:{application.Id}:{invitee.Id}",
            now,
            cancellationToken).ConfigureAwait(false);
        return Result.Success();
    }
}
