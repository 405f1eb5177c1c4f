using PtceFunding.Application.Notifications;
using PtceFunding.Application.Payments;

namespace PtceFunding.Application.Reminders;

/// <summary>Installments due and not ordered (payments not held): the finance officers of the installment's funder.</summary>
internal sealed class PaymentReminders(IPtceDbContext db) : IReminderSource
{
    public async Task<int> Collect(ReminderSweep sweep, CancellationToken cancellationToken)
    {
        // Due = planned, its date come, released, and its agreement's payments not held (Installment.StatusOn).
        var candidates = await (
                from installment in db.Installments.AsNoTracking().Where(Installment.Due.On(sweep.Today))
                join agreement in db.Agreements.AsNoTracking().Where(Agreement.PaysOut.Predicate) on installment.AgreementId equals agreement.Id
                select new { installment.Id, installment.AgreementId, installment.FunderId, installment.Year, installment.Kind, installment.Amount, installment.CancelledAmount, installment.DueFrom, agreement.CallId, agreement.Title })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var held = await db.WithOverdueReports([.. candidates.Select(c => c.AgreementId).Distinct()], sweep.Today, cancellationToken).ConfigureAwait(false);
        var due = candidates.Where(c => !held.Contains(c.AgreementId)).ToList();
        var steps = due
            .Select(i => (Installment: i, Step: sweep.Calls[i.CallId].Policy.StepDue(i.DueFrom, sweep.Today, ReminderSweep.OnOrAfterDeadline)))
            .Where(i => i.Step is not null)
            .ToList();
        if (steps.Count == 0)
        {
            return due.Count;
        }

        var finance = await sweep.Staff(Roles.FinanceOfficer).ConfigureAwait(false);
        var funders = await db.Funders.AsNoTracking().Select(f => new { f.Id, f.Name }).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);
        foreach (var (installment, step) in steps)
        {
            Notice Reminder() => new Notices.PaymentDueReminder(
                Title: installment.Title,
                Installment: ReminderText.Installment(installment.Kind, installment.Year),
                Amount: Money.Format(installment.Amount - installment.CancelledAmount),
                Funder: funders.GetValueOrDefault(installment.FunderId, ""),
                DueOn: installment.DueFrom,
                When: ReminderText.When(installment.DueFrom, sweep.Today))
            {
                Link = sweep.Links.AgreementFinances(installment.AgreementId),
            };
            foreach (var officer in finance.Where(o => o.FunderId == installment.FunderId))
            {
                sweep.Add(ReminderKind.Payment, installment.Id.Value, officer, installment.DueFrom, step!.Value, Reminder);
            }
        }

        return due.Count;
    }
}
