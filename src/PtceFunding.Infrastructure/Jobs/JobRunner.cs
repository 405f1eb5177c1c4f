using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtceFunding.Application.Jobs;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>What started a run: the schedule, an administrator's « Exécuter maintenant », or a command that just wrote work for the job.</summary>
public enum JobTrigger
{
    Schedule,
    Administrator,
    AfterCommit,
}

/// <summary>
/// The one method Hangfire runs for every recurring job. A run stands aside when the job is paused (unless an
/// administrator asked for it) or already running on any node (<see cref="JobLocks"/>); otherwise it sends the job's
/// command through the mediator (validated, authorized as the system, logged and audited like a request) and records
/// the run in <c>JobRuns</c> with its due time, node, figures or error. A run that fails as a whole is also failed for
/// Hangfire, which retries it a few times and shows it in its dashboard; the messages of the outbox keep their own
/// retries (docs/adr/0014), so a failed message never fails the run.
/// </summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, Mediator.ISender sender, JobLocks locks, JobsOptions options, TimeProvider clock, ILogger<JobRunner> logger)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300])]
    [JobDisplayName("{0} ({1})")]
    public async Task Run(string name, JobTrigger trigger, PerformContext? context, CancellationToken cancellationToken)
    {
        var job = RecurringJobs.Find(name) ?? throw new InvalidOperationException($"'{name}' is not a recurring job.");
        await using var exclusive = await locks.TryTake(name, cancellationToken).ConfigureAwait(false);
        if (exclusive is null)
        {
            LogAlreadyRunning(logger, name);
            return;
        }

        if (trigger != JobTrigger.Administrator && await IsPaused(name, cancellationToken).ConfigureAwait(false))
        {
            LogPaused(logger, name);
            return;
        }

        var run = new JobRun
        {
            JobName = name,
            ScheduledFireAt = DueTime(job, trigger, context),
            StartedAt = clock.GetUtcNow().UtcDateTime,
            Node = Application.ClusterNode.Name,
        };
        await Save(run, added: true).ConfigureAwait(false);
        Exception? failure = null;
        try
        {
            (run.Succeeded, run.Outcome) = await job.Run(sender, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogJobFailed(logger, exception, name);
            failure = exception;
            run.Succeeded = false;
            run.Outcome = exception.Message;
        }

        run.Outcome = run.Outcome is { Length: > 2000 } outcome ? outcome[..2000] : run.Outcome;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await Save(run, added: false).ConfigureAwait(false);
        if (run.Succeeded != true)
        {
            throw new JobFailedException($"{name}: {run.Outcome}", failure);
        }
    }

    /// <summary>
    /// A scheduled run's due time is the last time of its schedule at or before the moment Hangfire queued it (its
    /// "Time" parameter); any other run is due when it was asked for.
    /// </summary>
    private DateTime DueTime(RecurringJobs.Definition job, JobTrigger trigger, PerformContext? context)
    {
        var queuedAt = context?.BackgroundJob.CreatedAt ?? clock.GetUtcNow().UtcDateTime;
        if (trigger == JobTrigger.Schedule && context?.GetJobParameter<long?>("Time") is { } seconds)
        {
            return options.TimingOf(job).DueTimeAtOrBefore(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        }

        return DateTime.SpecifyKind(queuedAt, DateTimeKind.Utc);
    }

    private async Task<bool> IsPaused(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PtceDbContext>();
        return await db.PausedJobs.AnyAsync(p => p.Name == name, cancellationToken).ConfigureAwait(false);
    }

    private async Task Save(JobRun run, bool added)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PtceDbContext>();
        if (added)
        {
            db.JobRuns.Add(run);
        }
        else
        {
            db.JobRuns.Update(run);
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} is already running on a node: this run stands aside")]
    private static partial void LogAlreadyRunning(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} is paused: this run stands aside")]
    private static partial void LogPaused(ILogger logger, string job);
}

/// <summary>A run that failed as a whole, so that Hangfire records it as failed (and retries it).</summary>
public sealed class JobFailedException(string message, Exception? inner) : Exception(message, inner);
