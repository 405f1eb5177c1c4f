using FluentValidation;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Reviews;

/// <summary>The officer declares the submitted application complete: its instruction can go on.</summary>
public sealed record ConfirmCompleteness(Guid Id, int ExpectedVersion) : ICommand<Result<int>>;

internal sealed class ConfirmCompletenessValidator : AbstractValidator<ConfirmCompleteness>
{
    public ConfirmCompletenessValidator() => RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
}

internal sealed class ConfirmCompletenessAuthorizer(ICurrentUser user) : IAuthorizer<ConfirmCompleteness>
{
    public Task<Result> Authorize(ConfirmCompleteness request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.ProgramOfficer));
}

internal sealed class ConfirmCompletenessHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ConfirmCompleteness, Result<int>>
{
    public async Task<Result<int>> Handle(ConfirmCompleteness request, CancellationToken cancellationToken)
    {
        var found = await db.ApplicationToReview(user, request.Id, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var application = found.Value;
        var confirmed = application.ConfirmCompleteness(user.UserId!.Value, clock.GetUtcNow());
        if (!confirmed.IsSuccess)
        {
            return confirmed.Error;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return application.Version;
    }
}
