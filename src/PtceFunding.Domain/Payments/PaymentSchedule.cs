using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;

namespace PtceFunding.Domain.Payments;

/// <summary>
/// Turns an agreement's terms into stored installments, and keeps them in line with the terms when they change:
/// <list type="bullet">
/// <item><see cref="Plan"/>, at signature: each funder's <see cref="InstallmentPlan"/> (advance and balance per year), zero amounts left out;</item>
/// <item><see cref="Replan"/>, at an amendment: installments neither ordered nor paid are cancelled; what the funder still
/// owes (new total − what is ordered or paid) is spread over the slots (year × advance/balance) of the new plan that have
/// no ordered or paid installment, in proportion to their planned amounts, by <see cref="MoneyRounding.Allocate"/>;
/// when the new total is below what was ordered, ordered but unpaid remainders are cancelled, latest first, and what
/// was paid beyond the new total becomes a recovery order;</item>
/// <item><see cref="Terminate"/>, at an early termination: each year's amount is due pro rata of the days it ran until the
/// termination date; everything not yet paid is cancelled; a funder that paid less than is due owes one closing
/// balance (released by the final report), one that paid more gets a recovery order.</item>
/// </list>
/// The installments not cancelled, plus the recovery orders, always add up to each funder's total exactly.
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
    /// amendment; returns the new installments to add and the recovery orders to create (the cancelled ones are changed in place).
    /// </summary>
    public static ScheduleChange Replan(Agreement agreement, IReadOnlyList<Installment> existing, DateOnly signedOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(existing);
        var version = agreement.CurrentVersion;
        var reason = $"Remplacée par l'avenant n° {version.Number}";
        var added = new List<Installment>();
        var recoveries = new List<RecoveryOrder>();
        foreach (var funder in agreement.Funders)
        {
            var own = existing.Where(i => i.FunderId == funder.FunderId).ToList();
            foreach (var untouched in own.Where(i => i.IsUntouched))
            {
                untouched.CancelUnpaid(reason, now);
            }

            var kept = own.Where(i => i.State is InstallmentState.Ordered or InstallmentState.Paid).ToList();
            var stillOwed = funder.Total - CancelOrderedBeyond(kept, funder.Total, reason, now);
            if (stillOwed < 0)
            {
                recoveries.Add(RecoveryOrder.Create(agreement.Id, funder.FunderId, RecoveryCause.AmountReduced, -stillOwed, $"Avenant n° {version.Number} : montant ramené à {Money.Format(funder.Total)}", now));
                continue;
            }

            var free = Slots(agreement, funder, signedOn)
                .Where(s => !kept.Any(k => k.Year == s.Year && k.Kind == s.Kind))
                .ToList();
            added.AddRange(Spread(agreement, funder.FunderId, stillOwed, free, version.Number));
        }

        return new ScheduleChange(added, recoveries);
    }

    /// <summary>
    /// What each funder finally owes when the agreement ends on <paramref name="effectiveOn"/>: each year's amount
    /// pro rata of its days run (the year containing the date included, days up to it), by <see cref="MoneyRounding.Allocate"/>.
    /// </summary>
    public static decimal DueOnTermination(Agreement agreement, FunderCommitment funder, DateOnly effectiveOn)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(funder);
        var due = 0m;
        var years = agreement.Years;
        for (var i = 0; i < years.Count; i++)
        {
            var year = years[i];
            var ran = Math.Clamp(effectiveOn.DayNumber - year.Start.DayNumber + 1, 0, year.Days);
            due += ran == year.Days
                ? funder.YearlyAmounts[i]
                : MoneyRounding.Allocate(funder.YearlyAmounts[i], [ran, year.Days - ran]).Value[0];
        }

        return due;
    }

    /// <summary>Cancels everything not yet paid after a termination on <paramref name="effectiveOn"/>; returns the closing balances and recovery orders.</summary>
    public static ScheduleChange Terminate(Agreement agreement, IReadOnlyList<Installment> existing, DateOnly effectiveOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(existing);
        var reason = $"Convention résiliée au {effectiveOn:dd/MM/yyyy}";
        var added = new List<Installment>();
        var recoveries = new List<RecoveryOrder>();
        foreach (var funder in agreement.Funders)
        {
            var own = existing.Where(i => i.FunderId == funder.FunderId).ToList();
            foreach (var installment in own)
            {
                installment.CancelUnpaid(reason, now);
            }

            var due = DueOnTermination(agreement, funder, effectiveOn);
            var paid = own.Sum(i => i.PaidAmount);
            if (paid > due)
            {
                recoveries.Add(RecoveryOrder.Create(agreement.Id, funder.FunderId, RecoveryCause.EarlyTermination, paid - due, $"{reason} : {Money.Format(due)} dus, {Money.Format(paid)} versés", now));
            }
            else if (paid < due)
            {
                var lastYear = agreement.Years.LastOrDefault(y => y.Start <= effectiveOn) ?? agreement.Years[0];
                added.Add(Installment.Plan(agreement.Id, funder.FunderId, lastYear.Number, InstallmentKind.Balance, due - paid, effectiveOn.AddDays(1), ReleaseCondition.FinalReportApproved, agreement.CurrentVersion.Number));
            }
        }

        return new ScheduleChange(added, recoveries);
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
