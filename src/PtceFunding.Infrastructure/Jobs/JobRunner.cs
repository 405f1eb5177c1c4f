using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtceFunding.Application.Agreements;
using PtceFunding.Application.Jobs;
using PtceFunding.Application.Messaging;
using PtceFunding.Application.Notifications;
using PtceFunding.Application.Reminders;
using PtceFunding.Application.Users;
using PtceFunding.Infrastructure.Persistence;
using Quartz;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// Runs a job as a command through the mediator (so it is validated, authorized as the system,
/// logged and audited like a request) and records the run with its figures or its error.
/// </summary>
internal sealed partial class JobRunner(IServiceScopeFactory scopes, Mediator.ISender sender, TimeProvider clock, ILogger<JobRunner> logger)
{
    public async ValueTask Run<T>(IJobExecutionContext context, ICommand<Result<T>> command, CancellationToken cancellationToken)
    {
        var run = new JobRun
        {
            JobName = context.JobDetail.Key.Name,
            ScheduledFireAt = (context.ScheduledFireTimeUtc ?? clock.GetUtcNow()).UtcDateTime,
            StartedAt = clock.GetUtcNow().UtcDateTime,
            Node = Application.ClusterNode.Name,
        };
        await Save(run, added: true).ConfigureAwait(false);
        try
        {
            var result = await sender.Send(command, cancellationToken).ConfigureAwait(false);
            run.Succeeded = result.IsSuccess;
            run.Outcome = result.IsSuccess ? JsonSerializer.Serialize(result.Value) : $"{result.Error.Code}: {result.Error.Message}";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogJobFailed(logger, exception, run.JobName);
            run.Succeeded = false;
            run.Outcome = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
        }

        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await Save(run, added: false).ConfigureAwait(false);
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
}

[DisallowConcurrentExecution]
internal sealed class DeliverNotificationsJob(JobRunner runner) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => runner.Run(context, new DeliverNotifications(), cancellationToken);
}

[DisallowConcurrentExecution]
internal sealed class PruneTokensJob(JobRunner runner) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => runner.Run(context, new PruneTokens(), cancellationToken);
}

[DisallowConcurrentExecution]
internal sealed class HeartbeatJob(JobRunner runner) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => runner.Run(context, new RecordHeartbeat(), cancellationToken);
}

[DisallowConcurrentExecution]
internal sealed class AgreementLifecycleSweepJob(JobRunner runner) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => runner.Run(context, new AgreementLifecycleSweep(), cancellationToken);
}

[DisallowConcurrentExecution]
internal sealed class SweepRemindersJob(JobRunner runner) : IJob
{
    public const string Name = "SweepReminders";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => runner.Run(context, new SweepReminders(), cancellationToken);
}
