namespace PtceFunding.Application.Reviews;

/// <summary>The officer declares the submitted application complete: its instruction can go on.</summary>
[Allow(Audience.ProgramOfficers)]
public sealed record ConfirmCompleteness(Guid Id, int? ExpectedVersion) : ICommand<Result<int>>, IVersioned;

internal sealed class ConfirmCompletenessHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ConfirmCompleteness, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ConfirmCompleteness request, CancellationToken cancellationToken) =>
        await db.ApplicationToReview(user, request.Id, request, cancellationToken)
            .Then(application => db.VersionAfter(application, application.ConfirmCompleteness(user.UserId!.Value, clock.GetUtcNow())))
            .ConfigureAwait(false);
}
