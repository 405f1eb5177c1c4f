using FluentValidation;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Calls;

/// <summary>
/// Changes a call's rules: a draft's are replaced, a published call gets a new rules version
/// (applications already filed keep theirs). Answers the call's version and its current rules version.
/// </summary>
public sealed record ChangeCallRules(Guid Id, CallRules Rules, int ExpectedVersion) : ICommand<Result<CallRulesChanged>>;

public sealed record CallRulesChanged(int Version, int RulesVersion);

internal sealed class ChangeCallRulesValidator : AbstractValidator<ChangeCallRules>
{
    public ChangeCallRulesValidator()
    {
        RuleFor(c => c.Rules).NotNull().WithMessage("Les règles de l'appel sont obligatoires.").SetValidator(new CallRulesValidator());
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
    }
}

internal sealed class ChangeCallRulesAuthorizer(ICurrentUser user) : IAuthorizer<ChangeCallRules>
{
    public Task<Result> Authorize(ChangeCallRules request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.Administrator));
}

internal sealed class ChangeCallRulesHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeCallRules, Result<CallRulesChanged>>
{
    public async Task<Result<CallRulesChanged>> Handle(ChangeCallRules request, CancellationToken cancellationToken)
    {
        var call = await db.FindManagedCall(user, request.Id, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            return CallAccess.NotFound;
        }

        if (call.Version != request.ExpectedVersion)
        {
            return Concurrency.Stale(call.Version);
        }

        var changed = call.ChangeRules(request.Rules, clock.GetUtcNow());
        if (!changed.IsSuccess)
        {
            return changed.Error;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CallRulesChanged(call.Version, call.CurrentRulesVersion);
    }
}
