namespace PtceFunding.Application.Jobs;

/// <summary>The recurring jobs for the administration: their schedule, their state and how their last run went.</summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record GetJobs : IQuery<Result<IReadOnlyList<JobOverview>>>;

/// <summary>
/// One recurring job; times are UTC, <see cref="DailyAt"/> is a daily job's time of day in Europe/Paris, and the
/// last run fields are empty until it first ran.
/// </summary>
public sealed record JobOverview(
    string Name,
    string Description,
    TimeSpan Interval,
    TimeOnly? DailyAt,
    ScheduledJobState State,
    DateTime? NextFireAt,
    DateTime? PreviousFireAt,
    LastJobRun? LastRun);

/// <summary>The last run of a job, on whichever node ran it; <see cref="Succeeded"/> is null while it runs.</summary>
public sealed record LastJobRun(DateTime StartedAt, DateTime? FinishedAt, string Node, bool? Succeeded, string? Outcome);

internal sealed class GetJobsHandler(IJobScheduler scheduler, IPtceDbContext db) : IQueryHandler<GetJobs, Result<IReadOnlyList<JobOverview>>>
{
    public async ValueTask<Result<IReadOnlyList<JobOverview>>> Handle(GetJobs request, CancellationToken cancellationToken)
    {
        var jobs = await scheduler.List(cancellationToken).ConfigureAwait(false);
        var paused = await db.PausedJobs.AsNoTracking().Select(p => p.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var overview = new List<JobOverview>(jobs.Count);

        // One indexed look-up per job (JobName, StartedAt): a handful of jobs, on both providers.
        foreach (var job in jobs)
        {
            var last = await db.JobRuns.AsNoTracking()
                .Where(r => r.JobName == job.Name)
                .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
                .Select(r => new LastJobRun(r.StartedAt, r.FinishedAt, r.Node, r.Succeeded, r.Outcome))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var state = paused.Contains(job.Name) ? ScheduledJobState.Paused : job.Failing ? ScheduledJobState.Error : ScheduledJobState.Normal;
            overview.Add(new JobOverview(job.Name, job.Description, job.Interval, job.DailyAt, state, job.NextFireAt, job.PreviousFireAt, last));
        }

        return overview;
    }
}
