namespace PtceFunding.Application.Calls;

/// <summary>
/// Changes a call's rules: a draft's are replaced, a published call gets a new rules version
/// (applications already filed keep theirs). Answers the call's version and its current rules version.
/// </summary>
[Allow(Audience.Administrators)]
public sealed record ChangeCallRules(Guid Id, CallRules Rules, int? ExpectedVersion) : ICommand<Result<CallRulesChanged>>, IVersioned;

public sealed record CallRulesChanged(int Version, int RulesVersion);

internal sealed class ChangeCallRulesValidator : AbstractValidator<ChangeCallRules>
{
    public ChangeCallRulesValidator()
    {
        RuleFor(c => c.Rules).NotNull().WithMessage("Les règles de l'appel sont obligatoires.").SetValidator(new CallRulesValidator());
    }
}

internal sealed class ChangeCallRulesHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ChangeCallRules, Result<CallRulesChanged>>
{
    public async ValueTask<Result<CallRulesChanged>> Handle(ChangeCallRules request, CancellationToken cancellationToken) =>
        await db.CallToEdit(user, request.Id, request, cancellationToken)
            .Then(call =>
            {
                var changed = call.ChangeRules(request.Rules, clock.GetUtcNow());
                return changed.IsSuccess ? new CallRulesChanged(db.VersionOnceSaved(call), call.CurrentRulesVersion) : Result<CallRulesChanged>.Failure(changed.Error);
            })
            .ConfigureAwait(false);
}
