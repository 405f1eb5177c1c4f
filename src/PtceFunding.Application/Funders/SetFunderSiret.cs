namespace PtceFunding.Application.Funders;

/// <summary>
/// Records (or clears, when blank) the SIRET of a funder: the open-data exports publish it as the grantor's
/// identifier and leave out the grants of a funder without one. <see cref="ExpectedVersion"/> is the version the editor read.
/// </summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record SetFunderSiret(Guid Id, string? Siret, int? ExpectedVersion) : ICommand<Result<int>>, IVersioned;

internal sealed class SetFunderSiretValidator : AbstractValidator<SetFunderSiret>
{
    public SetFunderSiretValidator()
    {
    }
}

internal sealed class SetFunderSiretHandler(IPtceDbContext db) : ICommandHandler<SetFunderSiret, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SetFunderSiret request, CancellationToken cancellationToken) =>
        await db.FunderToEdit(request.Id, request, cancellationToken).Then(funder => db.VersionAfter(funder, funder.SetSiret(request.Siret))).ConfigureAwait(false);
}
