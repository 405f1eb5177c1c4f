namespace PtceFunding.Application.Jobs;

/// <summary>Puts a paused recurring job back on its schedule; resuming a job that runs changes nothing.</summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record ResumeJob(string Name) : ICommand<Result>;

internal sealed class ResumeJobHandler(IJobScheduler scheduler, IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ResumeJob, Result>
{
    public async ValueTask<Result> Handle(ResumeJob request, CancellationToken cancellationToken)
    {
        if (await scheduler.Find(request.Name, cancellationToken).ConfigureAwait(false) is not { } job)
        {
            return SchedulerAudit.UnknownJob;
        }

        if (await db.PausedJobs.SingleOrDefaultAsync(p => p.Name == job.Name, cancellationToken).ConfigureAwait(false) is not { } pause)
        {
            return Result.Success();
        }

        db.PausedJobs.Remove(pause);
        db.Record(user, clock, nameof(ResumeJob), job.Name, "Resumed", new { State = new { before = nameof(ScheduledJobState.Paused), after = nameof(ScheduledJobState.Normal) } });
        return Result.Success();
    }
}
