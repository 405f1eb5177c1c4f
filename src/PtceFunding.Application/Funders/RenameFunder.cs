using FluentValidation;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;

namespace PtceFunding.Application.Funders;

/// <summary>Renames a funder; <see cref="ExpectedVersion"/> is the version the editor read, so a concurrent edit is refused.</summary>
public sealed record RenameFunder(Guid Id, string Name, int ExpectedVersion) : ICommand<Result<int>>;

internal sealed class RenameFunderValidator : AbstractValidator<RenameFunder>
{
    public RenameFunderValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Le nom est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom ne peut dépasser 200 caractères.");
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
    }
}

internal sealed class RenameFunderAuthorizer(ICurrentUser user) : IAuthorizer<RenameFunder>
{
    public Task<Result> Authorize(RenameFunder request, CancellationToken cancellationToken) =>
        Task.FromResult(user.RequirePlatformAdministrator());
}

internal sealed class RenameFunderHandler(IPtceDbContext db) : IRequestHandler<RenameFunder, Result<int>>
{
    public async Task<Result<int>> Handle(RenameFunder request, CancellationToken cancellationToken)
    {
        var funder = await db.Funders.FindAsync([new FunderId(request.Id)], cancellationToken).ConfigureAwait(false);
        if (funder is null)
        {
            return Error.NotFound("funder.not_found", "Ce financeur n'existe pas.");
        }

        if (funder.Version != request.ExpectedVersion)
        {
            return Concurrency.StaleVersion;
        }

        funder.Rename(request.Name);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return funder.Version;
    }
}
