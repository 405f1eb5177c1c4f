namespace PtceFunding.Application.Funders;

/// <summary>Renames a funder; <see cref="ExpectedVersion"/> is the version the editor read, so a concurrent edit is refused.</summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record RenameFunder(Guid Id, string Name, int? ExpectedVersion) : ICommand<Result<int>>, IVersioned;

internal sealed class RenameFunderValidator : AbstractValidator<RenameFunder>
{
    public RenameFunderValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Le nom est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom ne peut dépasser 200 caractères.");
    }
}

internal sealed class RenameFunderHandler(IPtceDbContext db) : ICommandHandler<RenameFunder, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RenameFunder request, CancellationToken cancellationToken) =>
        await db.FunderToEdit(request.Id, request, cancellationToken)
            .Then(funder =>
            {
                funder.Rename(request.Name);
                return Result<int>.Success(db.VersionOnceSaved(funder));
            })
            .ConfigureAwait(false);
}
