using Hangfire;
using Hangfire.Storage;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// The recurring jobs of <see cref="RecurringJobs.All"/> as Hangfire holds them. On PostgreSQL the storage is shared,
/// so what this answers and queues holds for every node — and it works on a node that processes no jobs
/// (<c>Jobs:Enabled=false</c>): a run queued here is picked up by a node that does.
/// </summary>
internal sealed class HangfireJobScheduler(JobStorage storage, IBackgroundJobClient client, JobsOptions options) : IJobScheduler
{
    public Task<IReadOnlyList<ScheduledJob>> List(CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        var stored = connection.GetRecurringJobs([.. RecurringJobs.All.Select(job => job.Name)]).ToDictionary(job => job.Id, StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<ScheduledJob>>([.. RecurringJobs.All.Select(job => Describe(job, stored.GetValueOrDefault(job.Name)))]);
    }

    public async Task<ScheduledJob?> Find(string name, CancellationToken cancellationToken) =>
        (await List(cancellationToken).ConfigureAwait(false)).FirstOrDefault(job => string.Equals(job.Name, name, StringComparison.Ordinal));

    public Task<bool> TriggerNow(string name, CancellationToken cancellationToken)
    {
        if (RecurringJobs.Find(name) is null)
        {
            return Task.FromResult(false);
        }

        client.Enqueue<JobRunner>(runner => runner.Run(name, JobTrigger.Administrator, null, CancellationToken.None));
        return Task.FromResult(true);
    }

    private ScheduledJob Describe(RecurringJobs.Definition job, RecurringJobDto? stored)
    {
        var timing = options.TimingOf(job);
        return new ScheduledJob(
            job.Name,
            job.Description,
            timing.Interval,
            timing.IsDaily ? timing.At : null,
            stored?.Error is not null,
            stored?.NextExecution,
            stored?.LastExecution);
    }
}
