namespace PtceFunding.Application.Organisations;

/// <summary>What an invitation link is about, for the page that offers to accept it (the token is the key).</summary>
[Allow(Audience.Applicants)]
public sealed record GetOrganisationInvitation(string Token) : IQuery<Result<InvitationDetails>>
{
    public override string ToString() => nameof(GetOrganisationInvitation);
}

/// <summary>
/// The invitation as its holder sees it; <see cref="ForMe"/> says whether the signed-in account is the
/// one invited.
/// </summary>
public sealed record InvitationDetails(
    Guid OrganisationId, string OrganisationName, string? Siret, string? Rna, string RegionName, string InvitedBy, string Email,
    DateTime ExpiresAt, bool Expired, bool Accepted, bool ForMe);

internal sealed class GetOrganisationInvitationValidator : AbstractValidator<GetOrganisationInvitation>
{
    public GetOrganisationInvitationValidator() =>
        RuleFor(c => c.Token).NotEmpty().WithMessage(AcceptOrganisationInvitationHandler.Unknown.Message);
}

internal sealed class GetOrganisationInvitationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetOrganisationInvitation, Result<InvitationDetails>>
{
    public async ValueTask<Result<InvitationDetails>> Handle(GetOrganisationInvitation request, CancellationToken cancellationToken)
    {
        var hash = InvitationTokens.Hash(request.Token);
        var found = await (
                from invitation in db.OrganisationInvitations.AsNoTracking()
                join organisation in db.Organisations on invitation.OrganisationId equals organisation.Id
                join inviter in db.Users on invitation.InvitedBy equals inviter.Id
                where invitation.TokenHash == hash
                select new { Invitation = invitation, organisation.Name, organisation.Siret, organisation.Rna, organisation.RegionCode, Inviter = inviter.DisplayName })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return AcceptOrganisationInvitationHandler.Unknown;
        }

        var myEmail = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var pending = found.Invitation;
        return new InvitationDetails(
            pending.OrganisationId.Value, found.Name, found.Siret, found.Rna, FrenchRegion.Find(found.RegionCode)?.Name ?? found.RegionCode,
            found.Inviter, pending.Email, pending.ExpiresAt, pending.IsExpired(clock.GetUtcNow()), pending.IsAccepted,
            string.Equals(myEmail?.Trim(), pending.Email, StringComparison.OrdinalIgnoreCase));
    }
}
