namespace PtceFunding.Application.Organisations;

/// <summary>
/// Adds an organisation to the registry. One SIRET (or RNA number) is one organisation: registering
/// an identifier already known answers the existing organisation instead of creating a second one.
/// </summary>
// Any signed-in person may add an organisation to the registry; acting for it is a separate, verified step.
[Allow(Audience.SignedIn)]
public sealed record RegisterOrganisation(
    string Name, string? Siret, string? Rna, LegalForm LegalForm, bool IsEss,
    string Street, string PostalCode, string City, string CommuneCode) : ICommand<Result<RegisteredOrganisation>>;

public sealed record RegisteredOrganisation(Guid Id, bool AlreadyRegistered);

internal sealed class RegisterOrganisationValidator : AbstractValidator<RegisterOrganisation>
{
    public RegisterOrganisationValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Le nom de l'organisation est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom ne peut dépasser 200 caractères.");
        RuleFor(c => c.LegalForm).IsInEnum().WithMessage("La forme juridique est inconnue.");
        RuleFor(c => c.Street).NotEmpty().WithMessage("L'adresse est obligatoire.").MaximumLength(300).WithMessage("L'adresse ne peut dépasser 300 caractères.");
        RuleFor(c => c.PostalCode).Matches("^[0-9]{5}$").WithMessage("Le code postal s'écrit avec 5 chiffres.");
        RuleFor(c => c.City).NotEmpty().WithMessage("La commune est obligatoire.").MaximumLength(100).WithMessage("La commune ne peut dépasser 100 caractères.");
    }
}

internal sealed class RegisterOrganisationHandler(IPtceDbContext db, TimeProvider clock) : ICommandHandler<RegisterOrganisation, Result<RegisteredOrganisation>>
{
    public async ValueTask<Result<RegisteredOrganisation>> Handle(RegisterOrganisation request, CancellationToken cancellationToken)
    {
        var organisation = Organisation.Register(
            OrganisationId.New(), request.Name, request.Siret, request.Rna, request.LegalForm, request.IsEss,
            new PostalAddress(request.Street, request.PostalCode, request.City, request.CommuneCode), clock.GetUtcNow());
        if (!organisation.IsSuccess)
        {
            return organisation.Error;
        }

        var (siret, rna) = (organisation.Value.Siret, organisation.Value.Rna);
        var existing = await db.Organisations.AsNoTracking()
            .Where(o => (siret != null && o.Siret == siret) || (rna != null && o.Rna == rna))
            .Select(o => o.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing != default)
        {
            return new RegisteredOrganisation(existing.Value, AlreadyRegistered: true);
        }

        db.Organisations.Add(organisation.Value);
        return new RegisteredOrganisation(organisation.Value.Id.Value, AlreadyRegistered: false);
    }
}
