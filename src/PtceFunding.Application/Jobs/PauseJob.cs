namespace PtceFunding.Application.Jobs;

/// <summary>Suspends a recurring job on every node until it is resumed (a run in progress finishes).</summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record PauseJob(string Name) : ICommand<Result>;

internal sealed class PauseJobHandler(IJobScheduler scheduler, IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PauseJob, Result>
{
    public async ValueTask<Result> Handle(PauseJob request, CancellationToken cancellationToken)
    {
        var job = await scheduler.Find(request.Name, cancellationToken).ConfigureAwait(false);
        if (job is null || !await scheduler.Pause(job.Name, cancellationToken).ConfigureAwait(false))
        {
            return SchedulerAudit.UnknownJob;
        }

        db.Record(user, clock, nameof(PauseJob), job.Name, "Paused", new { State = new { before = job.State.ToString(), after = nameof(ScheduledJobState.Paused) } });
        return Result.Success();
    }
}
