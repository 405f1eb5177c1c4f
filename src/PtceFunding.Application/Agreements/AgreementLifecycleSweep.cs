namespace PtceFunding.Application.Agreements;

/// <summary>
/// The daily sweep of agreements by date (a recurring job): signed agreements whose start date has come enter into
/// force (<see cref="Agreement.Activate"/>), active ones whose last day is past are completed (<see cref="Agreement.Complete"/>).
/// Idempotent: a second run the same day finds nothing to do. Answers how many of each it changed.
/// </summary>
[Allow(Audience.System)]
public sealed record AgreementLifecycleSweep : ICommand<Result<AgreementSweepFigures>>;

public sealed record AgreementSweepFigures(int Activated, int Completed);

internal sealed class AgreementLifecycleSweepHandler(IPtceDbContext db, TimeProvider clock) : ICommandHandler<AgreementLifecycleSweep, Result<AgreementSweepFigures>>
{
    public async ValueTask<Result<AgreementSweepFigures>> Handle(AgreementLifecycleSweep request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = now.Today();
        var starting = await db.Agreements.Where(a => a.Status == AgreementStatus.Signed && a.StartDate <= today).ToListAsync(cancellationToken).ConfigureAwait(false);
        var activated = starting.Count(a => a.Activate(now).IsSuccess);

        // The end date depends on the current version's duration (stored with the versions): filtered in memory.
        var running = await db.Agreements.Where(a => a.Status == AgreementStatus.Active && a.StartDate < today).ToListAsync(cancellationToken).ConfigureAwait(false);
        var completed = running.Concat(starting.Where(a => a.Status == AgreementStatus.Active))
            .Where(a => a.EndDate < today)
            .Count(a => a.Complete(now).IsSuccess);

        return new AgreementSweepFigures(activated, completed);
    }
}
