namespace PtceFunding.Application.Organisations;

/// <summary>The signed-in applicant's requests to act for organisations, and where each stands.</summary>
[Allow(Audience.Applicants)]
public sealed record ListMyOrganisations : IQuery<Result<IReadOnlyList<MyOrganisation>>>;

public sealed record MyOrganisation(
    Guid MembershipId, Guid OrganisationId, string Name, string? Siret, string? Rna, string RegionCode, string RegionName,
    MembershipStatus Status, DateTime RequestedAt, DateTime? DecidedAt, string? DecisionReason);

internal sealed class ListMyOrganisationsHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<ListMyOrganisations, Result<IReadOnlyList<MyOrganisation>>>
{
    public async ValueTask<Result<IReadOnlyList<MyOrganisation>>> Handle(ListMyOrganisations request, CancellationToken cancellationToken)
    {
        var rows = await (
                from membership in db.OrganisationMemberships.AsNoTracking()
                join organisation in db.Organisations on membership.OrganisationId equals organisation.Id
                where membership.UserId == user.UserId
                orderby organisation.Name, membership.RequestedAt
                select new { membership, organisation })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .Select(r => new MyOrganisation(
                r.membership.Id, r.organisation.Id.Value, r.organisation.Name, r.organisation.Siret, r.organisation.Rna, r.organisation.RegionCode,
                FrenchRegion.Find(r.organisation.RegionCode)?.Name ?? r.organisation.RegionCode,
                r.membership.Status, r.membership.RequestedAt, r.membership.DecidedAt, r.membership.DecisionReason))
            .ToList();
    }
}
