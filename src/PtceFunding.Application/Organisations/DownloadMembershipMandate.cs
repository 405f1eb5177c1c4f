using PtceFunding.Application.Documents;

namespace PtceFunding.Application.Organisations;

/// <summary>A program officer of the organisation's region reads the document joined to a membership request.</summary>
[Allow(Audience.ProgramOfficers)]
public sealed record DownloadMembershipMandate(Guid MembershipId) : IQuery<Result<DocumentDownload>>;

internal sealed class DownloadMembershipMandateHandler(IPtceDbContext db, ICurrentUser user, IFileStore store)
    : IQueryHandler<DownloadMembershipMandate, Result<DocumentDownload>>
{
    public async ValueTask<Result<DocumentDownload>> Handle(DownloadMembershipMandate request, CancellationToken cancellationToken)
    {
        var found = await (
                from mandate in db.MembershipMandates.AsNoTracking()
                join membership in db.OrganisationMemberships on mandate.MembershipId equals membership.Id
                join organisation in db.Organisations on membership.OrganisationId equals organisation.Id
                where mandate.MembershipId == request.MembershipId
                select new { mandate.StorageKey, mandate.FileName, mandate.ContentType, mandate.Size, organisation.RegionCode })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        // Outside the officer's territory the request (and its document) does not exist, as far as they can tell.
        return found is null || !user.Territory.Contains(found.RegionCode)
            ? Error.NotFound("membership.mandate_not_found", "Cette demande n'a pas de document joint.")
            : new DocumentDownload(store.OpenRead(found.StorageKey), found.FileName, found.ContentType, found.Size);
    }
}
