namespace PtceFunding.Application.Organisations;

/// <summary>The organisations the signed-in applicant has been verified for: those they may open an application for, as lead member.</summary>
[Allow(Audience.Applicants)]
public sealed record ListMyVerifiedOrganisations : IQuery<Result<IReadOnlyList<VerifiedOrganisation>>>;

public sealed record VerifiedOrganisation(Guid Id, string Name, string? Siret, string? Rna);

internal sealed class ListMyVerifiedOrganisationsHandler(IPtceDbContext db, ICurrentUser user)
    : IQueryHandler<ListMyVerifiedOrganisations, Result<IReadOnlyList<VerifiedOrganisation>>>
{
    public async ValueTask<Result<IReadOnlyList<VerifiedOrganisation>>> Handle(ListMyVerifiedOrganisations request, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var organisations = await (
                from membership in db.OrganisationMemberships.AsNoTracking()
                join organisation in db.Organisations on membership.OrganisationId equals organisation.Id
                where membership.UserId == userId && membership.Status == MembershipStatus.Verified
                orderby organisation.Name
                select new VerifiedOrganisation(organisation.Id.Value, organisation.Name, organisation.Siret, organisation.Rna))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return organisations;
    }
}
