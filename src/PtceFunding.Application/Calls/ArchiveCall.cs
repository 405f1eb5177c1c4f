namespace PtceFunding.Application.Calls;

/// <summary>Archives a closed call.</summary>
[Allow(Audience.Administrators)]
public sealed record ArchiveCall(Guid Id) : ICommand<Result>;

internal sealed class ArchiveCallHandler(IPtceDbContext db, ICurrentUser user) : ICommandHandler<ArchiveCall, Result>
{
    public async ValueTask<Result> Handle(ArchiveCall request, CancellationToken cancellationToken)
    {
        var call = await db.FindManagedCall(user, request.Id, cancellationToken).ConfigureAwait(false);
        return call is null ? CallAccess.NotFound : call.Archive();
    }
}
