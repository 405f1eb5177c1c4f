namespace PtceFunding.Application.Jobs;

/// <summary>
/// The scheduler's pulse: its run, recorded with the node that fired it, shows on the
/// administration page that recurring jobs fire, once each, somewhere in the cluster.
/// </summary>
[Allow(Audience.System)]
public sealed record RecordHeartbeat : ICommand<Result<string>>;

internal sealed class RecordHeartbeatHandler : ICommandHandler<RecordHeartbeat, Result<string>>
{
    public ValueTask<Result<string>> Handle(RecordHeartbeat request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Result<string>>(ClusterNode.Name);
}
