using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// Every node declares the recurring jobs when it starts. Hangfire's <c>AddOrUpdate</c> takes the job's lock and writes
/// only what changed: nodes starting together, or a redeployment, leave the next due time as it was (no second run of a
/// due time), a changed schedule takes effect from now, and an administrator's pause (a row of ours) is never touched.
/// On PostgreSQL it waits, retrying, for the schema that the <c>migrate</c> step creates. On the embedded default the
/// storage starts empty with the process, so each job also runs once at start-up.
/// </summary>
internal sealed partial class RecurringJobRegistration(
    IRecurringJobManager manager, IBackgroundJobClient client, JobsOptions options, Persistence.DatabaseOptions database, ILogger<RecurringJobRegistration> logger)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    /// <summary>Registers before the node serves (so that what it lists is current), or keeps trying in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryRegister(cancellationToken).ConfigureAwait(false))
        {
            _retrying = KeepTrying(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_retrying.IsCompleted)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task KeepTrying(CancellationToken stoppingToken)
    {
        do
        {
            await Task.Delay(Retry, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        while (!stoppingToken.IsCancellationRequested && !await TryRegister(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> TryRegister(CancellationToken cancellationToken)
    {
        try
        {
            if (database.Provider == Persistence.DatabaseProvider.Postgres && !await JobStorageSchema.IsInstalled(database.ConnectionString, cancellationToken).ConfigureAwait(false))
            {
                LogSchemaMissing(logger, JobStorageSchema.Name, Retry);
                return false;
            }

            Register();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotRegistered(logger, exception, Retry);
            return false;
        }
    }

    private void Register()
    {
        foreach (var job in RecurringJobs.All)
        {
            var timing = options.TimingOf(job);
            var name = job.Name;
            manager.AddOrUpdate(
                name,
                Job.FromExpression<JobRunner>(runner => runner.Run(name, JobTrigger.Schedule, null, CancellationToken.None)),
                timing.Cron,
                new RecurringJobOptions { TimeZone = timing.TimeZone, MisfireHandling = MisfireHandlingMode.Relaxed });
        }

        if (database.Provider != Persistence.DatabaseProvider.Postgres && options.Enabled)
        {
            foreach (var job in RecurringJobs.All)
            {
                var name = job.Name;
                client.Enqueue<JobRunner>(runner => runner.Run(name, JobTrigger.Schedule, null, CancellationToken.None));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job storage (schema {Schema}) is not installed: run 'migrate'; the recurring jobs will be registered then (checked every {Retry})")]
    private static partial void LogSchemaMissing(ILogger logger, string schema, TimeSpan retry);

    [LoggerMessage(Level = LogLevel.Error, Message = "The recurring jobs could not be registered; trying again in {Retry}")]
    private static partial void LogNotRegistered(ILogger logger, Exception exception, TimeSpan retry);
}
