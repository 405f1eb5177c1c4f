namespace PtceFunding.Application.Calls;

/// <summary>Creates a funding programme under which calls are published.</summary>
[Allow(Audience.Administrators)]
public sealed record CreateProgramme(string Name, string? Description) : ICommand<Result<Guid>>;

internal sealed class CreateProgrammeValidator : AbstractValidator<CreateProgramme>
{
    public CreateProgrammeValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Le nom du programme est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom ne peut dépasser 200 caractères.");
        RuleFor(c => c.Description).MaximumLength(4000).WithMessage("La description ne peut dépasser 4 000 caractères.");
    }
}

internal sealed class CreateProgrammeHandler(IPtceDbContext db, TimeProvider clock) : ICommandHandler<CreateProgramme, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateProgramme request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        if (await db.Programmes.AnyAsync(p => p.Name == name, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict("programme.name_taken", $"Un programme s'appelle déjà « {name} ».");
        }

        var programme = Programme.Create(ProgrammeId.New(), name, request.Description ?? "", clock.GetUtcNow());
        db.Programmes.Add(programme);
        return programme.Id.Value;
    }
}
