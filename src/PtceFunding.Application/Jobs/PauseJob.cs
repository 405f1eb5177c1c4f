namespace PtceFunding.Application.Jobs;

/// <summary>
/// Suspends a recurring job on every node until it is resumed: its runs stand aside (a run in progress
/// finishes). Pausing a paused job changes nothing.
/// </summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record PauseJob(string Name) : ICommand<Result>;

internal sealed class PauseJobHandler(IJobScheduler scheduler, IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PauseJob, Result>
{
    public async ValueTask<Result> Handle(PauseJob request, CancellationToken cancellationToken)
    {
        if (await scheduler.Find(request.Name, cancellationToken).ConfigureAwait(false) is not { } job)
        {
            return SchedulerAudit.UnknownJob;
        }

        if (await db.PausedJobs.AnyAsync(p => p.Name == job.Name, cancellationToken).ConfigureAwait(false))
        {
            return Result.Success();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.PausedJobs.Add(new PausedJob { Name = job.Name, PausedAt = now, PausedBy = user.UserId });
        db.Record(user, clock, nameof(PauseJob), job.Name, "Paused", new { State = new { before = nameof(ScheduledJobState.Normal), after = nameof(ScheduledJobState.Paused) } });
        return Result.Success();
    }
}
