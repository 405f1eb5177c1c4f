using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;

namespace PtceFunding.Application.Jobs;

/// <summary>
/// The scheduler's pulse: its run, recorded with the node that fired it, shows on the
/// administration page that recurring jobs fire, once each, somewhere in the cluster.
/// </summary>
public sealed record RecordHeartbeat : ICommand<Result<string>>;

internal sealed class RecordHeartbeatAuthorizer(ICurrentUser user) : IAuthorizer<RecordHeartbeat>
{
    public Task<Result> Authorize(RecordHeartbeat request, CancellationToken cancellationToken) => Task.FromResult(user.RequireSystem());
}

internal sealed class RecordHeartbeatHandler : IRequestHandler<RecordHeartbeat, Result<string>>
{
    public Task<Result<string>> Handle(RecordHeartbeat request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string>>(ClusterNode.Name);
}
