namespace PtceFunding.Application.Calls;

/// <summary>Changes a call's title, dates, categories, funders and envelopes; answers the call's new version.</summary>
[Allow(Audience.Administrators)]
public sealed record ChangeCallDetails(Guid Id, CallDetailsInput Details, int? ExpectedVersion) : ICommand<Result<int>>, IVersioned;

internal sealed class ChangeCallDetailsValidator : AbstractValidator<ChangeCallDetails>
{
    public ChangeCallDetailsValidator()
    {
        RuleFor(c => c.Details).NotNull().WithMessage("Les informations de l'appel sont obligatoires.").SetValidator(new CallDetailsInputValidator());
    }
}

internal sealed class ChangeCallDetailsHandler(IPtceDbContext db, ICurrentUser user) : ICommandHandler<ChangeCallDetails, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ChangeCallDetails request, CancellationToken cancellationToken)
    {
        var found = await db.CallToEdit(user, request.Id, request, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var call = found.Value;

        // A funder's administrator who removed their own funder would lose the call they are editing.
        if (user.FunderId is { } funderId && request.Details.Funders.All(f => f.FunderId != funderId.Value))
        {
            return Error.Validation("Funders", "Votre financeur reste parmi les financeurs de l'appel.");
        }

        if (await db.UnknownFunders(request.Details, cancellationToken).ConfigureAwait(false) is { } unknown)
        {
            return unknown;
        }

        return db.VersionAfter(call, call.ChangeDetails(request.Details.ToDomain()));
    }
}
