using Quartz;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// The recurring jobs of <see cref="RecurringJobs.All"/> as Quartz holds them. On PostgreSQL the
/// store is shared, so what this answers and changes holds for every node of the cluster — and it
/// works on a node whose scheduler is not started (<c>Jobs:Enabled=false</c>): the change is
/// stored and the running nodes act on it.
/// </summary>
internal sealed class QuartzJobScheduler(ISchedulerFactory factory, JobsOptions options) : IJobScheduler
{
    public async Task<IReadOnlyList<ScheduledJob>> List(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var jobs = new List<ScheduledJob>(RecurringJobs.All.Count);
        foreach (var definition in RecurringJobs.All)
        {
            jobs.Add(await Describe(scheduler, definition, cancellationToken).ConfigureAwait(false));
        }

        return jobs;
    }

    public async Task<ScheduledJob?> Find(string name, CancellationToken cancellationToken)
    {
        if (Definition(name) is not { } definition)
        {
            return null;
        }

        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        return await Describe(scheduler, definition, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> Pause(string name, CancellationToken cancellationToken)
    {
        if (Definition(name) is null)
        {
            return false;
        }

        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        return await scheduler.PauseJob(RecurringJobs.KeyOf(name), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> Resume(string name, CancellationToken cancellationToken)
    {
        if (Definition(name) is null)
        {
            return false;
        }

        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        return await scheduler.ResumeJob(RecurringJobs.KeyOf(name), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TriggerNow(string name, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (Definition(name) is null || !await scheduler.Exists(RecurringJobs.KeyOf(name), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // Stores a one-shot trigger, due now, that the first available node fires.
        await scheduler.TriggerJob(RecurringJobs.KeyOf(name), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static RecurringJobs.Definition? Definition(string name) =>
        RecurringJobs.All.FirstOrDefault(job => string.Equals(job.Name, name, StringComparison.Ordinal));

    private async Task<ScheduledJob> Describe(IScheduler scheduler, RecurringJobs.Definition definition, CancellationToken cancellationToken)
    {
        var key = RecurringJobs.TriggerOf(definition.Name);
        var trigger = await scheduler.GetTrigger(key, cancellationToken).ConfigureAwait(false);
        var state = await scheduler.GetTriggerState(key, cancellationToken).ConfigureAwait(false);
        return new ScheduledJob(
            definition.Name,
            definition.Description,
            (trigger as ISimpleTrigger)?.RepeatInterval ?? options.IntervalOf(definition),
            state switch
            {
                TriggerState.Paused => ScheduledJobState.Paused,
                TriggerState.Error => ScheduledJobState.Error,
                _ => ScheduledJobState.Normal,
            },
            trigger?.NextFireTimeUtc?.UtcDateTime,
            trigger?.PreviousFireTimeUtc?.UtcDateTime);
    }
}
