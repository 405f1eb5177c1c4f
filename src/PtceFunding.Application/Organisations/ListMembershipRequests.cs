namespace PtceFunding.Application.Organisations;

/// <summary>
/// The requests to act for an organisation that wait for a program officer — of their territory only —
/// with the name of the supporting document joined to each, if any.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record ListMembershipRequests : IQuery<Result<IReadOnlyList<MembershipRequestLine>>>;

public sealed record MembershipRequestLine(
    Guid Id, DateTime RequestedAt, string UserEmail, string UserName, Guid OrganisationId, string OrganisationName,
    string? Siret, string? Rna, string RegionCode, string Justification, string? MandateFileName);

internal sealed class ListMembershipRequestsHandler(IPtceDbContext db, ICurrentUser user)
    : IQueryHandler<ListMembershipRequests, Result<IReadOnlyList<MembershipRequestLine>>>
{
    public async ValueTask<Result<IReadOnlyList<MembershipRequestLine>>> Handle(ListMembershipRequests request, CancellationToken cancellationToken)
    {
        var region = user.Territory.RegionCode;
        var lines = await (
                from membership in db.OrganisationMemberships.AsNoTracking()
                join organisation in db.Organisations on membership.OrganisationId equals organisation.Id
                join applicant in db.Users on membership.UserId equals applicant.Id
                where membership.Status == MembershipStatus.Pending && (region == null || organisation.RegionCode == region)
                orderby membership.RequestedAt
                select new MembershipRequestLine(
                    membership.Id, membership.RequestedAt, applicant.Email ?? "", applicant.DisplayName, organisation.Id.Value, organisation.Name,
                    organisation.Siret, organisation.Rna, organisation.RegionCode, membership.Justification,
                    db.MembershipMandates.Where(d => d.MembershipId == membership.Id).Select(d => d.FileName).FirstOrDefault()))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return lines;
    }
}
