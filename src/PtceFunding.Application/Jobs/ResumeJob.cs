namespace PtceFunding.Application.Jobs;

/// <summary>Puts a paused recurring job back on its schedule.</summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record ResumeJob(string Name) : ICommand<Result>;

internal sealed class ResumeJobHandler(IJobScheduler scheduler, IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ResumeJob, Result>
{
    public async ValueTask<Result> Handle(ResumeJob request, CancellationToken cancellationToken)
    {
        var job = await scheduler.Find(request.Name, cancellationToken).ConfigureAwait(false);
        if (job is null || !await scheduler.Resume(job.Name, cancellationToken).ConfigureAwait(false))
        {
            return SchedulerAudit.UnknownJob;
        }

        db.Record(user, clock, nameof(ResumeJob), job.Name, "Resumed", new { State = new { before = job.State.ToString(), after = nameof(ScheduledJobState.Normal) } });
        return Result.Success();
    }
}
