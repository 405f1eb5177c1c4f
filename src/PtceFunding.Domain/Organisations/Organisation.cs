namespace PtceFunding.Domain.Organisations;

/// <summary>Identifies an <see cref="Organisation"/>.</summary>
public readonly record struct OrganisationId(Guid Value)
{
    public static OrganisationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>The legal form (forme juridique) of a consortium member.</summary>
public enum LegalForm
{
    Association = 0,
    Scop = 1,
    Scic = 2,
    Sas = 3,
    Sarl = 4,
    Sa = 5,
    LocalAuthority = 6,
    PublicBody = 7,
    Research = 8,
    Training = 9,
    Other = 10,
}

/// <summary>A postal address, located by the INSEE code of its commune.</summary>
public sealed record PostalAddress(string Street, string PostalCode, string City, string CommuneCode);

/// <summary>
/// An organisation (structure) that can be a consortium member: identified by its SIRET and/or,
/// for an association, its RNA number; one SIRET is one organisation.
/// </summary>
public sealed class Organisation : AggregateRoot
{
    private Organisation()
    {
    }

    public OrganisationId Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Siret { get; private set; }

    public string? Rna { get; private set; }

    public LegalForm LegalForm { get; private set; }

    /// <summary>Whether it belongs to the social and solidarity economy (ESS, law of 31 July 2014).</summary>
    public bool IsEss { get; private set; }

    public string Street { get; private set; } = "";

    public string PostalCode { get; private set; } = "";

    public string City { get; private set; } = "";

    public string CommuneCode { get; private set; } = "";

    public string DepartmentCode { get; private set; } = "";

    /// <summary>INSEE code of the region, derived from the commune: the officers of this territory verify it.</summary>
    public string RegionCode { get; private set; } = "";

    public DateTime RegisteredAt { get; private set; }

    public static Result<Organisation> Register(
        OrganisationId id, string name, string? siret, string? rna, LegalForm legalForm, bool isEss, PostalAddress address, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (string.IsNullOrWhiteSpace(siret) && string.IsNullOrWhiteSpace(rna))
        {
            return Error.Validation("Siret", "Indiquez le SIRET de l'organisation, ou le numéro RNA d'une association.");
        }

        Siret? parsedSiret = null;
        if (!string.IsNullOrWhiteSpace(siret))
        {
            var result = Organisations.Siret.Parse(siret);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            parsedSiret = result.Value;
        }

        Rna? parsedRna = null;
        if (!string.IsNullOrWhiteSpace(rna))
        {
            if (legalForm != LegalForm.Association)
            {
                return Error.Validation("Rna", "Seule une association a un numéro RNA.");
            }

            var result = Organisations.Rna.Parse(rna);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            parsedRna = result.Value;
        }

        var department = FrenchDepartment.OfCommune(address.CommuneCode);
        if (department is null)
        {
            return Error.Validation("CommuneCode", $"Le code commune INSEE « {address.CommuneCode} » est invalide (5 caractères, par exemple 69123 pour Lyon).");
        }

        return new Organisation
        {
            Id = id,
            Name = name.Trim(),
            Siret = parsedSiret?.Value,
            Rna = parsedRna?.Value,
            LegalForm = legalForm,
            IsEss = isEss,
            Street = address.Street.Trim(),
            PostalCode = address.PostalCode.Trim(),
            City = address.City.Trim(),
            CommuneCode = address.CommuneCode,
            DepartmentCode = department,
            RegionCode = FrenchDepartment.RegionOf(department)!,
            RegisteredAt = now.UtcDateTime,
        };
    }
}
