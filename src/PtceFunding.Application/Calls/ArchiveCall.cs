using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Calls;

/// <summary>Archives a closed call.</summary>
public sealed record ArchiveCall(Guid Id) : ICommand<Result>;

internal sealed class ArchiveCallAuthorizer(ICurrentUser user) : IAuthorizer<ArchiveCall>
{
    public Task<Result> Authorize(ArchiveCall request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.Administrator));
}

internal sealed class ArchiveCallHandler(IPtceDbContext db, ICurrentUser user) : IRequestHandler<ArchiveCall, Result>
{
    public async Task<Result> Handle(ArchiveCall request, CancellationToken cancellationToken)
    {
        var call = await db.FindManagedCall(user, request.Id, cancellationToken).ConfigureAwait(false);
        return call is null ? CallAccess.NotFound : call.Archive();
    }
}
