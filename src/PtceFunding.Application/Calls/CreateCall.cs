namespace PtceFunding.Application.Calls;

/// <summary>Drafts a call of a programme: its details (funders, envelopes, categories, dates) and its first rules.</summary>
[Allow(Audience.Administrators)]
public sealed record CreateCall(Guid ProgrammeId, CallDetailsInput Details, CallRules Rules) : ICommand<Result<Guid>>;

internal sealed class CreateCallValidator : AbstractValidator<CreateCall>
{
    public CreateCallValidator()
    {
        RuleFor(c => c.ProgrammeId).NotEmpty().WithMessage("Choisissez le programme de l'appel.");
        RuleFor(c => c.Details).NotNull().WithMessage("Les informations de l'appel sont obligatoires.").SetValidator(new CallDetailsInputValidator());
        RuleFor(c => c.Rules).NotNull().WithMessage("Les règles de l'appel sont obligatoires.").SetValidator(new CallRulesValidator());
    }
}

internal sealed class CreateCallHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateCall, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateCall request, CancellationToken cancellationToken)
    {
        // A funder's administrator only drafts calls their funder takes part in.
        if (user.FunderId is { } funderId && !request.Details.Funders.Any(f => f.FunderId == funderId.Value))
        {
            return Error.Forbidden("call.funder_required", "Un appel que vous créez compte votre financeur parmi ses financeurs.");
        }

        var programmeId = new ProgrammeId(request.ProgrammeId);
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, cancellationToken).ConfigureAwait(false))
        {
            return Error.Validation("ProgrammeId", "Ce programme n'existe pas.");
        }

        if (await db.UnknownFunders(request.Details, cancellationToken).ConfigureAwait(false) is { } unknown)
        {
            return unknown;
        }

        var call = Call.Draft(CallId.New(), programmeId, request.Details.ToDomain(), request.Rules, clock.GetUtcNow());
        if (!call.IsSuccess)
        {
            return call.Error;
        }

        db.Calls.Add(call.Value);
        return call.Value.Id.Value;
    }
}

internal static class CallFunders
{
    /// <summary>A validation error when the details name a funder that does not exist.</summary>
    public static async Task<Error?> UnknownFunders(this IPtceDbContext db, CallDetailsInput details, CancellationToken cancellationToken)
    {
        var ids = details.Funders.Select(f => new FunderId(f.FunderId)).Distinct().ToList();
        var known = await db.Funders.CountAsync(f => ids.Contains(f.Id), cancellationToken).ConfigureAwait(false);
        return known == ids.Count ? null : Error.Validation("Funders", "Un des financeurs choisis n'existe pas.");
    }
}
