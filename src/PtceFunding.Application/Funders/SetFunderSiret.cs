using FluentValidation;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;

namespace PtceFunding.Application.Funders;

/// <summary>
/// Records (or clears, when blank) the SIRET of a funder: the open-data exports publish it as the grantor's
/// identifier and leave out the grants of a funder without one. <see cref="ExpectedVersion"/> is the version the editor read.
/// </summary>
public sealed record SetFunderSiret(Guid Id, string? Siret, int ExpectedVersion) : ICommand<Result<int>>;

internal sealed class SetFunderSiretValidator : AbstractValidator<SetFunderSiret>
{
    public SetFunderSiretValidator()
    {
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
    }
}

internal sealed class SetFunderSiretAuthorizer(ICurrentUser user) : IAuthorizer<SetFunderSiret>
{
    public Task<Result> Authorize(SetFunderSiret request, CancellationToken cancellationToken) =>
        Task.FromResult(user.RequirePlatformAdministrator());
}

internal sealed class SetFunderSiretHandler(IPtceDbContext db) : IRequestHandler<SetFunderSiret, Result<int>>
{
    public async Task<Result<int>> Handle(SetFunderSiret request, CancellationToken cancellationToken)
    {
        var funder = await db.Funders.FindAsync([new FunderId(request.Id)], cancellationToken).ConfigureAwait(false);
        if (funder is null)
        {
            return Error.NotFound("funder.not_found", "Ce financeur n'existe pas.");
        }

        if (funder.Version != request.ExpectedVersion)
        {
            return Concurrency.Stale(funder.Version);
        }

        var recorded = funder.SetSiret(request.Siret);
        if (!recorded.IsSuccess)
        {
            return recorded.Error;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return funder.Version;
    }
}
