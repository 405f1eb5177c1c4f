namespace PtceFunding.Application.Funders;

/// <summary>
/// Registers a funder. The caller chooses the id, so a retried request (same id, same content)
/// answers the same funder instead of creating a second one.
/// </summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record CreateFunder(Guid Id, string Name, FunderKind Kind, string? RegionCode) : ICommand<Result<Guid>>;

internal sealed class CreateFunderValidator : AbstractValidator<CreateFunder>
{
    public CreateFunderValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("L'identifiant est obligatoire.");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Le nom est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom ne peut dépasser 200 caractères.");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("Le type de financeur est inconnu.");
    }
}

internal sealed class CreateFunderHandler(IPtceDbContext db) : ICommandHandler<CreateFunder, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateFunder request, CancellationToken cancellationToken)
    {
        var id = new FunderId(request.Id);
        var existing = await db.Funders.FindAsync([id], cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing.SameAs(request.Name, request.Kind, request.RegionCode)
                ? request.Id
                : Error.Conflict("funder.id_taken", "Un autre financeur porte déjà cet identifiant.");
        }

        var name = request.Name.Trim();
        if (await db.Funders.AnyAsync(f => f.Name == name, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict("funder.name_taken", $"Un financeur s'appelle déjà « {name} ».");
        }

        var funder = Funder.Create(id, request.Name, request.Kind, request.RegionCode);
        if (!funder.IsSuccess)
        {
            return funder.Error;
        }

        db.Funders.Add(funder.Value);
        return request.Id;
    }
}
