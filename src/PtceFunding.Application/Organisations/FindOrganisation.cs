namespace PtceFunding.Application.Organisations;

/// <summary>Looks an organisation up in the registry by its SIRET or RNA number (public registry data).</summary>
[Allow(Audience.SignedIn)]
public sealed record FindOrganisation(string Identifier) : IQuery<Result<OrganisationSummary>>;

public sealed record OrganisationSummary(
    Guid Id, string Name, string? Siret, string? Rna, LegalForm LegalForm, bool IsEss,
    string Street, string PostalCode, string City, string CommuneCode, string DepartmentCode, string RegionCode, string RegionName);

internal sealed class FindOrganisationHandler(IPtceDbContext db) : IQueryHandler<FindOrganisation, Result<OrganisationSummary>>
{
    public async ValueTask<Result<OrganisationSummary>> Handle(FindOrganisation request, CancellationToken cancellationToken)
    {
        var identifier = request.Identifier.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var organisation = await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Siret == identifier || o.Rna == identifier, cancellationToken).ConfigureAwait(false);
        return organisation is null
            ? Error.NotFound("organisation.not_found", $"Aucune organisation n'est enregistrée sous l'identifiant {identifier}.")
            : new OrganisationSummary(
                organisation.Id.Value, organisation.Name, organisation.Siret, organisation.Rna, organisation.LegalForm, organisation.IsEss,
                organisation.Street, organisation.PostalCode, organisation.City, organisation.CommuneCode, organisation.DepartmentCode,
                organisation.RegionCode, FrenchRegion.Find(organisation.RegionCode)!.Name);
    }
}
