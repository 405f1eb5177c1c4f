using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;

namespace PtceFunding.Application.Jobs;

/// <summary>Suspends a recurring job on every node until it is resumed (a run in progress finishes).</summary>
public sealed record PauseJob(string Name) : ICommand<Result>;

internal sealed class PauseJobAuthorizer(ICurrentUser user) : IAuthorizer<PauseJob>
{
    public Task<Result> Authorize(PauseJob request, CancellationToken cancellationToken) => Task.FromResult(user.RequirePlatformAdministrator());
}

internal sealed class PauseJobHandler(IJobScheduler scheduler, IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<PauseJob, Result>
{
    public async Task<Result> Handle(PauseJob request, CancellationToken cancellationToken)
    {
        var job = await scheduler.Find(request.Name, cancellationToken).ConfigureAwait(false);
        if (job is null || !await scheduler.Pause(job.Name, cancellationToken).ConfigureAwait(false))
        {
            return SchedulerAudit.UnknownJob;
        }

        db.Record(user, clock, nameof(PauseJob), job.Name, "Paused", new { State = new { before = job.State.ToString(), after = nameof(ScheduledJobState.Paused) } });
        return Result.Success();
    }
}
