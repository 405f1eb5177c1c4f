using Hangfire;
using Microsoft.Extensions.Logging;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// After a command committed e-mails to the outbox, queues one delivery run at once instead of leaving them to the
/// next scheduled one. Only after the commit — the outbox stays the source of truth, and a lost queue entry costs at
/// most the wait for the schedule — and at most once a second per node. On the embedded default a node that
/// processes no jobs queues nothing (nobody would run it).
/// </summary>
public sealed partial class DeliverySoon(IBackgroundJobClient client, JobsOptions jobs, DatabaseOptions database, ILogger<DeliverySoon> logger)
{
    private const long AtMostEveryMilliseconds = 1000; // a throttle on this process's monotonic clock, not a business time
    private long _lastQueuedAt = long.MinValue / 2;

    public void Queue()
    {
        if (!jobs.Enabled && database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastQueuedAt);
        if (now - last < AtMostEveryMilliseconds || Interlocked.CompareExchange(ref _lastQueuedAt, now, last) != last)
        {
            return;
        }

        try
        {
            client.Enqueue<JobRunner>(runner => runner.Run(RecurringJobs.DeliverNotifications, JobTrigger.AfterCommit, null, CancellationToken.None));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotQueued(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An immediate delivery run could not be queued; the scheduled one will send the e-mails")]
    private static partial void LogNotQueued(ILogger logger, Exception exception);
}
