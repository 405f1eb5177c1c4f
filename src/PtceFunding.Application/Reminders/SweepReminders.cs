namespace PtceFunding.Application.Reminders;

/// <summary>
/// The hourly reminders sweep (a recurring job): for today (Europe/Paris) it finds every obligation still pending
/// whose reminder step has come under its call's <see cref="ReminderPolicy"/> — reports due, drafts before their
/// session's cut-off, reviewers' opinions, corrections requested, installments due but not ordered — and writes
/// one notification per recipient to the outbox, under the key
/// <c>reminder:{kind}:{subjectId}:{recipientId}:{step}</c>. The key is unique in the outbox, so a sweep run
/// twice, stopped midway or run on two nodes never writes a reminder twice. Only the latest step that has come is
/// sent (docs/adr/0024-reminders.md). Writes in batches, each its own transaction.
/// </summary>
[Allow(Audience.System)]
public sealed record SweepReminders : ICommand<Result<ReminderSweepFigures>>, IManagesOwnTransactions;

/// <summary>What a sweep looked at (obligations still pending, per kind) and the reminders it wrote.</summary>
public sealed record ReminderSweepFigures(int Reports, int Drafts, int Reviews, int Corrections, int Payments, int Written)
{
    public int Scanned => Reports + Drafts + Reviews + Corrections + Payments;
}

internal sealed class SweepRemindersHandler(
    IPtceDbContext db, INotificationBulkWriter outbox, IUserDirectory users, TimeProvider clock, ILinks links)
    : ICommandHandler<SweepReminders, Result<ReminderSweepFigures>>
{
    public async ValueTask<Result<ReminderSweepFigures>> Handle(SweepReminders request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calls = await db.Calls.AsNoTracking()
            .Select(c => new CallPolicy(c.Id, c.Title, c.Status, c.TimeZoneId, c.ReminderPolicy))
            .ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);
        var sweep = new ReminderSweep(db, users, links, calls, now);

        var reports = await new ReportReminders(db).Collect(sweep, cancellationToken).ConfigureAwait(false);
        var drafts = await new DraftReminders(db).Collect(sweep, cancellationToken).ConfigureAwait(false);
        var reviews = await new ReviewReminders(db).Collect(sweep, cancellationToken).ConfigureAwait(false);
        var corrections = await new CorrectionReminders(db).Collect(sweep, cancellationToken).ConfigureAwait(false);
        var payments = await new PaymentReminders(db).Collect(sweep, cancellationToken).ConfigureAwait(false);
        var written = await new ReminderWriter(db, outbox).Write(sweep.Due, now, cancellationToken).ConfigureAwait(false);
        return new ReminderSweepFigures(reports, drafts, reviews, corrections, payments, written);
    }
}
