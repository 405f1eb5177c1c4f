using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// Nodes never replace the stored triggers when they start (a replacement can fire a time that
/// already ran, and would undo a pause): they pass over what is stored. So an interval changed in
/// configuration is applied here, once, by rescheduling from the trigger's next fire time.
/// Runs before the Quartz hosted service starts the scheduler.
/// </summary>
internal sealed partial class RecurringJobReconciler(ISchedulerFactory factory, JobsOptions options, ILogger<RecurringJobReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        foreach (var job in RecurringJobs.All)
        {
            var key = RecurringJobs.TriggerOf(job.Name);
            var wanted = options.IntervalOf(job);
            if (await scheduler.GetTrigger(key, cancellationToken).ConfigureAwait(false) is not ISimpleTrigger stored || stored.RepeatInterval == wanted)
            {
                continue;
            }

            var replacement = Quartz.TriggerBuilder.Create()
                .ForJob(RecurringJobs.KeyOf(job.Name))
                .WithIdentity(key)
                .StartAt(stored.NextFireTimeUtc ?? DateTimeOffset.UtcNow)
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(wanted).RepeatForever())
                .Build();
            await scheduler.RescheduleJob(key, replacement, cancellationToken).ConfigureAwait(false);
            LogRescheduled(logger, job.Name, stored.RepeatInterval, wanted);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {Job} rescheduled from every {Old} to every {New}")]
    private static partial void LogRescheduled(ILogger logger, string job, TimeSpan old, TimeSpan @new);
}
