namespace PtceFunding.Application.Calls;

/// <summary>Closes a published call; it receives no more applications and gets no new session.</summary>
[Allow(Audience.Administrators)]
public sealed record CloseCall(Guid Id) : ICommand<Result>;

internal sealed class CloseCallHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseCall, Result>
{
    public async ValueTask<Result> Handle(CloseCall request, CancellationToken cancellationToken)
    {
        var call = await db.FindManagedCall(user, request.Id, cancellationToken).ConfigureAwait(false);
        return call is null ? CallAccess.NotFound : call.Close(clock.GetUtcNow());
    }
}
