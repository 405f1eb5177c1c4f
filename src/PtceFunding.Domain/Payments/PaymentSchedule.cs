namespace PtceFunding.Domain.Payments;

/// <summary>
/// Turns an agreement's terms into stored installments, and keeps them in line with the terms when they change:
/// <list type="bullet">
/// <item><see cref="Plan"/>, at signature: each funder's <see cref="InstallmentPlan"/> (advance and balance per year), zero amounts left out;</item>
/// <item><see cref="Replan"/>, at an amendment: installments neither ordered nor paid are cancelled; what the funder still
/// owes (new total − what is ordered or paid + what earlier recovery orders already claim back) is spread over the slots
/// (year × advance/balance) of the new plan that have no ordered or paid installment, in proportion to their planned
/// amounts, by <see cref="MoneyRounding.Allocate"/>; while recovery orders are still outstanding, what is owed again
/// first reduces them (latest first) rather than paying out money the consortium is asked to pay back;
/// when the new total is below what was ordered, ordered but unpaid remainders are cancelled, latest first, and what
/// was paid beyond the new total (and not yet claimed back) becomes a recovery order;</item>
/// <item><see cref="Terminate"/>, at an early termination: each year's amount is due pro rata of the days it ran until the
/// termination date; everything not yet paid is cancelled; a funder that paid (net of earlier recovery orders) less than is
/// due first reduces its outstanding recovery orders, then owes one closing balance (released by the final report); one
/// that paid more gets a recovery order.</item>
/// </list>
/// For each funder, the owed amounts of the installments not cancelled, minus the amounts of its recovery orders, always
/// equal its total exactly (after a termination: what is due on termination).
/// </summary>
public static class PaymentSchedule
{
    /// <summary>The installments of a freshly signed agreement, version 0's terms.</summary>
    public static IReadOnlyList<Installment> Plan(Agreement agreement, DateOnly signedOn)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var installments = new List<Installment>();
        foreach (var funder in agreement.Funders)
        {
            foreach (var slot in Slots(agreement, funder, signedOn).Where(s => s.Amount > 0))
            {
                installments.Add(Installment.Plan(agreement.Id, funder.FunderId, slot.Year, slot.Kind, slot.Amount, slot.DueFrom, slot.Condition, agreement.CurrentVersion.Number));
            }
        }

        return installments;
    }

    /// <summary>
    /// Aligns <paramref name="existing"/> (all the agreement's installments) on the agreement's current version after an
    /// amendment, given its <paramref name="recoveries"/> (all its recovery orders); returns the new installments to add and
    /// the recovery orders to create (cancellations and reductions of outstanding recovery orders are made in place).
    /// </summary>
    public static ScheduleChange Replan(Agreement agreement, IReadOnlyList<Installment> existing, IReadOnlyList<RecoveryOrder> recoveries, DateOnly signedOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(recoveries);
        var version = agreement.CurrentVersion;
        var reason = $"Remplacée par l'avenant n° {version.Number}";
        var added = new List<Installment>();
        var created = new List<RecoveryOrder>();
        foreach (var funder in agreement.Funders)
        {
            var own = existing.Where(i => i.FunderId == funder.FunderId).ToList();
            foreach (var untouched in own.Where(i => i.IsUntouched))
            {
                untouched.CancelUnpaid(reason, now);
            }

            // What earlier recovery orders claim back is no longer kept by the consortium.
            var ownRecoveries = recoveries.Where(r => r.FunderId == funder.FunderId).ToList();
            var claimedBack = ownRecoveries.Sum(r => r.Amount);
            var keptAmount = CancelOrderedBeyond(own.Where(InForce).ToList(), funder.Total + claimedBack, reason, now);
            var stillOwed = funder.Total + claimedBack - keptAmount;
            if (stillOwed < 0)
            {
                created.Add(RecoveryOrder.Create(agreement.Id, funder.FunderId, RecoveryCause.AmountReduced, -stillOwed, $"Avenant n° {version.Number} : montant ramené à {Money.Format(funder.Total)}", now));
                continue;
            }

            stillOwed -= ReduceOutstanding(ownRecoveries, stillOwed, $"avenant n° {version.Number}", now);

            // Slots whose installment is still in force (ordered or paid, possibly closed at what was paid) stay taken;
            // an ordered installment cancelled above frees its slot again.
            var kept = own.Where(InForce).ToList();
            var free = Slots(agreement, funder, signedOn)
                .Where(s => !kept.Any(k => k.Year == s.Year && k.Kind == s.Kind))
                .ToList();
            added.AddRange(Spread(agreement, funder.FunderId, stillOwed, free, version.Number));
        }

        return new ScheduleChange(added, created);
    }

    /// <summary>
    /// What each funder finally owes when the agreement ends on <paramref name="effectiveOn"/>: each year's amount
    /// pro rata of its days run (the year containing the date included, days up to it), by <see cref="MoneyRounding.Allocate"/>.
    /// </summary>
    public static decimal DueOnTermination(Agreement agreement, FunderCommitment funder, DateOnly effectiveOn) =>
        DueByYearOnTermination(agreement, funder, effectiveOn).Sum();

    /// <summary>
    /// <see cref="DueOnTermination"/> year by year: each agreement year's amount pro rata of its days run until
    /// <paramref name="effectiveOn"/>, in the order of <see cref="Agreement.Years"/> (the finance views' committed amounts).
    /// </summary>
    public static IReadOnlyList<decimal> DueByYearOnTermination(Agreement agreement, FunderCommitment funder, DateOnly effectiveOn)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(funder);
        var years = agreement.Years;
        var due = new List<decimal>(years.Count);
        for (var i = 0; i < years.Count; i++)
        {
            var year = years[i];
            var ran = Math.Clamp(effectiveOn.DayNumber - year.Start.DayNumber + 1, 0, year.Days);
            due.Add(ran == year.Days
                ? funder.YearlyAmounts[i]
                : MoneyRounding.Allocate(funder.YearlyAmounts[i], [ran, year.Days - ran]).Value[0]);
        }

        return due;
    }

    /// <summary>
    /// Cancels everything not yet paid after a termination on <paramref name="effectiveOn"/>, given the agreement's
    /// <paramref name="recoveries"/> (all its recovery orders); returns the closing balances and recovery orders.
    /// </summary>
    public static ScheduleChange Terminate(Agreement agreement, IReadOnlyList<Installment> existing, IReadOnlyList<RecoveryOrder> recoveries, DateOnly effectiveOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(recoveries);
        var reason = $"Convention résiliée au {effectiveOn:dd/MM/yyyy}";
        var added = new List<Installment>();
        var created = new List<RecoveryOrder>();
        foreach (var funder in agreement.Funders)
        {
            var own = existing.Where(i => i.FunderId == funder.FunderId).ToList();
            foreach (var installment in own)
            {
                installment.CancelUnpaid(reason, now);
            }

            var due = DueOnTermination(agreement, funder, effectiveOn);
            var ownRecoveries = recoveries.Where(r => r.FunderId == funder.FunderId).ToList();
            var paid = own.Sum(i => i.PaidAmount);
            var kept = paid - ownRecoveries.Sum(r => r.Amount);
            if (kept > due)
            {
                created.Add(RecoveryOrder.Create(agreement.Id, funder.FunderId, RecoveryCause.EarlyTermination, kept - due, $"{reason} : {Money.Format(due)} dus, {Money.Format(kept)} versés et conservés", now));
                continue;
            }

            var stillOwed = due - kept;
            stillOwed -= ReduceOutstanding(ownRecoveries, stillOwed, reason.ToLowerInvariant(), now);
            if (stillOwed > 0)
            {
                var lastYear = agreement.Years.LastOrDefault(y => y.Start <= effectiveOn) ?? agreement.Years[0];
                added.Add(Installment.Plan(agreement.Id, funder.FunderId, lastYear.Number, InstallmentKind.Balance, stillOwed, effectiveOn.AddDays(1), ReleaseCondition.FinalReportApproved, agreement.CurrentVersion.Number));
            }
        }

        return new ScheduleChange(added, created);
    }

    private static bool InForce(Installment installment) => installment.State is InstallmentState.Ordered or InstallmentState.Paid;

    /// <summary>Lowers the outstanding recovery orders, latest first, by up to <paramref name="amount"/>; returns the total reduction.</summary>
    private static decimal ReduceOutstanding(List<RecoveryOrder> recoveries, decimal amount, string reason, DateTimeOffset now)
    {
        var reduced = 0m;
        foreach (var recovery in recoveries.Where(r => r.Outstanding > 0).OrderByDescending(r => r.CreatedAt))
        {
            if (reduced == amount)
            {
                break;
            }

            reduced += recovery.Reduce(amount - reduced, reason, now);
        }

        return reduced;
    }

    /// <summary>
    /// A report of agreement year <paramref name="year"/> was rejected: that year's funding is not justified. Its
    /// installments not yet paid are cancelled, and what each funder paid for that year becomes a recovery order (once per
    /// funder and year, whichever of the year's reports is rejected first: a second rejection claims nothing more).
    /// </summary>
    public static ScheduleChange RejectYear(Agreement agreement, IReadOnlyList<Installment> existing, IReadOnlyList<RecoveryOrder> recoveries, int year, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(recoveries);
        var created = new List<RecoveryOrder>();
        foreach (var funder in agreement.Funders)
        {
            var ofYear = existing.Where(i => i.FunderId == funder.FunderId && i.Year == year).ToList();
            foreach (var installment in ofYear)
            {
                installment.CancelUnpaid(reason, now);
            }

            var claimed = recoveries.Where(r => r.FunderId == funder.FunderId && r.Cause == RecoveryCause.ReportRejected && r.Year == year).Sum(r => r.Amount);
            var paid = ofYear.Sum(i => i.PaidAmount);
            if (paid > claimed)
            {
                created.Add(RecoveryOrder.Create(agreement.Id, funder.FunderId, RecoveryCause.ReportRejected, paid - claimed, $"{reason} : {Money.Format(paid - claimed)} versés pour l'année {year}", now, year));
            }
        }

        return new ScheduleChange([], created);
    }

    /// <summary>
    /// Cancels the unpaid remainders of ordered installments, latest first, while what is kept exceeds
    /// <paramref name="total"/>; returns what is kept in the end (ordered and paid amounts).
    /// </summary>
    private static decimal CancelOrderedBeyond(List<Installment> kept, decimal total, string reason, DateTimeOffset now)
    {
        var keptAmount = kept.Sum(k => k.OwedAmount);
        foreach (var ordered in kept.Where(k => k.State == InstallmentState.Ordered).OrderByDescending(k => k.Year).ThenByDescending(k => k.Kind))
        {
            if (keptAmount <= total)
            {
                break;
            }

            keptAmount -= ordered.CancelUnpaid(reason, now);
        }

        return keptAmount;
    }

    private static List<Installment> Spread(Agreement agreement, FunderId funderId, decimal amount, List<Slot> free, int version)
    {
        if (amount == 0)
        {
            return [];
        }

        if (free.Count == 0 || free.All(s => s.Amount == 0))
        {
            var last = agreement.Years[^1];
            return [Installment.Plan(agreement.Id, funderId, last.Number, InstallmentKind.Balance, amount, last.End.AddDays(1), ReleaseCondition.YearReportsApproved, version)];
        }

        var parts = MoneyRounding.Allocate(amount, [.. free.Select(s => s.Amount)]).Value;
        return free.Select((slot, i) => (slot, amount: parts[i]))
            .Where(p => p.amount > 0)
            .Select(p => Installment.Plan(agreement.Id, funderId, p.slot.Year, p.slot.Kind, p.amount, p.slot.DueFrom, p.slot.Condition, version))
            .ToList();
    }

    /// <summary>The slots of a funder's plan under the current terms: year × advance/balance, with planned amounts and dates.</summary>
    private static List<Slot> Slots(Agreement agreement, FunderCommitment funder, DateOnly signedOn)
    {
        var years = agreement.Years;
        var plan = InstallmentPlan.FromYearAmounts(funder.YearlyAmounts, agreement.PaymentTerms.AdvancePercentage, signedOn, [.. years.Select(y => y.Start)]);
        if (!plan.IsSuccess)
        {
            throw new InvalidOperationException($"The agreement's terms cannot be planned: {plan.Error.Message}");
        }

        return [.. plan.Value.Installments.Select(p =>
        {
            var year = years[p.Year - 1];
            return p.Kind == InstallmentKind.Advance
                ? new Slot(p.Year, p.Kind, p.Amount, Later(p.DueDate ?? year.Start, signedOn), ReleaseCondition.None)
                : new Slot(p.Year, p.Kind, p.Amount, year.End.AddDays(1), ReleaseCondition.YearReportsApproved);
        })];
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record Slot(int Year, InstallmentKind Kind, decimal Amount, DateOnly DueFrom, ReleaseCondition Condition);
}

/// <summary>What a change of terms adds: new installments and recovery orders (cancellations are made in place).</summary>
public sealed record ScheduleChange(IReadOnlyList<Installment> Added, IReadOnlyList<RecoveryOrder> Recoveries);
