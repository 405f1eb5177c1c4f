namespace PtceFunding.Application.Jobs;

/// <summary>
/// Asks for one run of a recurring job now, besides its schedule. The run itself happens on a node
/// of the cluster shortly after, and shows in the job's runs like any other.
/// </summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record TriggerJob(string Name) : ICommand<Result>;

internal sealed class TriggerJobHandler(IJobScheduler scheduler, IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<TriggerJob, Result>
{
    public async ValueTask<Result> Handle(TriggerJob request, CancellationToken cancellationToken)
    {
        if (!await scheduler.TriggerNow(request.Name, cancellationToken).ConfigureAwait(false))
        {
            return SchedulerAudit.UnknownJob;
        }

        db.Record(user, clock, nameof(TriggerJob), request.Name, "Triggered", new { RequestedAt = new { after = clock.GetUtcNow().UtcDateTime } });
        return Result.Success();
    }
}
