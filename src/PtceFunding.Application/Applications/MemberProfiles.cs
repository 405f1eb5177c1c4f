namespace PtceFunding.Application.Applications;

/// <summary>What eligibility reads of the consortium's organisations, from the registry.</summary>
internal static class MemberProfiles
{
    public static async Task<IReadOnlyList<MemberProfile>> Of(IPtceDbContext db, IReadOnlyCollection<OrganisationId> ids, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new MemberProfile(o.Id, o.Name, o.LegalForm, o.IsEss, o.RegionCode))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
