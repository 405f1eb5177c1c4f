namespace PtceFunding.Application.Calls;

/// <summary>Publishes a draft call; it receives applications from its opening day.</summary>
[Allow(Audience.Administrators)]
public sealed record PublishCall(Guid Id) : ICommand<Result>;

internal sealed class PublishCallHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PublishCall, Result>
{
    public async ValueTask<Result> Handle(PublishCall request, CancellationToken cancellationToken)
    {
        var call = await db.FindManagedCall(user, request.Id, cancellationToken).ConfigureAwait(false);
        return call is null ? CallAccess.NotFound : call.Publish(clock.GetUtcNow());
    }
}
