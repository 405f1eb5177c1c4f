using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;

namespace PtceFunding.Application.Jobs;

/// <summary>Puts a paused recurring job back on its schedule.</summary>
public sealed record ResumeJob(string Name) : ICommand<Result>;

internal sealed class ResumeJobAuthorizer(ICurrentUser user) : IAuthorizer<ResumeJob>
{
    public Task<Result> Authorize(ResumeJob request, CancellationToken cancellationToken) => Task.FromResult(user.RequirePlatformAdministrator());
}

internal sealed class ResumeJobHandler(IJobScheduler scheduler, IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ResumeJob, Result>
{
    public async Task<Result> Handle(ResumeJob request, CancellationToken cancellationToken)
    {
        var job = await scheduler.Find(request.Name, cancellationToken).ConfigureAwait(false);
        if (job is null || !await scheduler.Resume(job.Name, cancellationToken).ConfigureAwait(false))
        {
            return SchedulerAudit.UnknownJob;
        }

        db.Record(user, clock, nameof(ResumeJob), job.Name, "Resumed", new { State = new { before = job.State.ToString(), after = nameof(ScheduledJobState.Normal) } });
        return Result.Success();
    }
}
