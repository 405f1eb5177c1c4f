using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Tests.Agreements;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Payments;

/// <summary>
/// Amendments and early termination of a signed agreement starting on 1 January 2028 for three calendar years:
/// the State commits 60 000 € (20 000 € a year), the Region 40 000 €; each year a 50 % advance then a balance.
/// </summary>
public sealed class PaymentScheduleTests
{
    private static readonly DateOnly Start = new(2028, 1, 1);
    private static readonly DateOnly SignedOn = new(2027, 12, 1);
    private static readonly DateTimeOffset SignedAt = new(2027, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PayDay = new(2040, 1, 1);
    private static readonly Guid Finance = Guid.NewGuid();

    private static FunderId State => CallBuilder.State;

    private static FunderId Region => CallBuilder.Region;

    [Fact]
    public void Raising_the_amount_replaces_only_the_untouched_installments_and_keeps_the_paid_one()
    {
        var (agreement, installments, recoveries) = Signed();
        var advance = Find(installments, State, 1, InstallmentKind.Advance);
        Pay(advance, advance.Amount);

        var change = Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 90_000m), Flat(Region, 40_000m));

        Assert.Equal(InstallmentState.Paid, advance.State);
        Assert.Equal(10_000m, advance.OwedAmount);
        var stateOld = installments.Where(i => i.FunderId == State && i != advance && i.PlannedByVersion == 0).ToList();
        Assert.Equal(5, stateOld.Count);
        Assert.All(stateOld, i => Assert.Equal(InstallmentState.Cancelled, i.State));
        Assert.All(stateOld, i => Assert.Equal("Remplacée par l'avenant n° 1", i.CancellationReason));
        var stateNew = change.Added.Where(i => i.FunderId == State).ToList();
        Assert.All(stateNew, i => Assert.Equal(1, i.PlannedByVersion));
        Assert.DoesNotContain(stateNew, i => i is { Year: 1, Kind: InstallmentKind.Advance });
        Assert.Equal(90_000m, InForce(installments, State).Sum(i => i.OwedAmount));
        Assert.Equal(40_000m, InForce(installments, Region).Sum(i => i.OwedAmount));
        Assert.Empty(change.Recoveries);
    }

    [Fact]
    public void The_amount_still_owed_is_spread_over_the_free_slots_in_proportion_to_the_new_plan()
    {
        var (agreement, installments, recoveries) = Signed();
        Pay(Find(installments, State, 1, InstallmentKind.Advance), 10_000m);

        Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 90_000m), Flat(Region, 40_000m));

        // New plan: 30 000 € a year, 15 000 € per slot; 80 000 € still owed over the five free slots of 15 000 €.
        Assert.Equal(
            [(1, InstallmentKind.Balance, 16_000m), (2, InstallmentKind.Advance, 16_000m), (2, InstallmentKind.Balance, 16_000m), (3, InstallmentKind.Advance, 16_000m), (3, InstallmentKind.Balance, 16_000m)],
            installments.Where(i => i.FunderId == State && i.PlannedByVersion == 1).Select(i => (i.Year, i.Kind, i.Amount)));
    }

    [Fact]
    public void Reducing_the_amount_below_what_was_paid_creates_a_recovery_order_of_exactly_the_difference()
    {
        var (agreement, installments, recoveries) = Signed();
        Pay(Find(installments, State, 1, InstallmentKind.Advance), 10_000m);
        Pay(Find(installments, State, 1, InstallmentKind.Balance), 10_000m);

        var change = Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 15_000.01m), Flat(Region, 40_000m));

        var recovery = Assert.Single(change.Recoveries);
        Assert.Equal((State, RecoveryCause.AmountReduced, 4_999.99m), (recovery.FunderId, recovery.Cause, recovery.Amount));
        Assert.DoesNotContain(change.Added, i => i.FunderId == State);
        Assert.Equal(20_000m, InForce(installments, State).Sum(i => i.OwedAmount));
        Assert.Equal(15_000.01m, Net(installments, recoveries, State));
    }

    [Fact]
    public void A_rejected_years_report_cancels_its_unpaid_installments_and_claims_back_what_was_paid_for_it_once()
    {
        var (agreement, installments, recoveries) = Signed();
        Pay(Find(installments, State, 1, InstallmentKind.Advance), 10_000m);

        var first = PaymentSchedule.RejectYear(agreement, installments, recoveries, 1, "Compte rendu financier de l'année 1 rejeté", Later);
        recoveries.AddRange(first.Recoveries);
        var second = PaymentSchedule.RejectYear(agreement, installments, recoveries, 1, "Compte rendu d'activité de l'année 1 rejeté", Later);

        var recovery = Assert.Single(first.Recoveries);
        Assert.Equal((State, RecoveryCause.ReportRejected, 10_000m, (int?)1), (recovery.FunderId, recovery.Cause, recovery.Amount, recovery.Year));
        Assert.Empty(second.Recoveries);
        Assert.Empty(first.Added);
        Assert.All(installments.Where(i => i.Year == 1 && i.PaidAmount == 0), i => Assert.Equal(InstallmentState.Cancelled, i.State));
        Assert.All(installments.Where(i => i.Year == 2), i => Assert.Equal(InstallmentState.Planned, i.State));
    }

    [Fact]
    public void When_the_new_total_is_below_what_was_ordered_the_unpaid_orders_are_cancelled_latest_first()
    {
        var (agreement, installments, recoveries) = Signed();
        var firstAdvance = Find(installments, State, 1, InstallmentKind.Advance);
        var firstBalance = Find(installments, State, 1, InstallmentKind.Balance);
        var secondAdvance = Find(installments, State, 2, InstallmentKind.Advance);
        Pay(firstAdvance, 10_000m);
        Order(firstBalance);
        Order(secondAdvance);

        var change = Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 25_000m), Flat(Region, 40_000m));

        Assert.Equal(InstallmentState.Paid, firstAdvance.State);
        Assert.Equal(InstallmentState.Ordered, firstBalance.State);
        Assert.Equal(InstallmentState.Cancelled, secondAdvance.State);
        Assert.Equal(10_000m, secondAdvance.CancelledAmount);
        Assert.Empty(change.Recoveries);
        Assert.Equal(25_000m, InForce(installments, State).Sum(i => i.OwedAmount));
    }

    [Fact]
    public void An_ordered_installment_cancelled_by_a_reduction_frees_its_slot_for_what_is_still_owed()
    {
        var (agreement, installments, recoveries) = Signed();
        var firstAdvance = Find(installments, State, 1, InstallmentKind.Advance);
        var secondAdvance = Find(installments, State, 2, InstallmentKind.Advance);
        Pay(firstAdvance, 10_000m);
        Order(secondAdvance);

        var change = Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 15_000m), Flat(Region, 40_000m));

        Assert.Equal(InstallmentState.Cancelled, secondAdvance.State);
        Assert.Contains(change.Added, i => i.FunderId == State && i is { Year: 2, Kind: InstallmentKind.Advance });
        Assert.Equal(15_000m, InForce(installments, State).Sum(i => i.OwedAmount));
    }

    [Fact]
    public void A_partly_paid_order_cancelled_by_a_reduction_is_closed_at_what_was_paid()
    {
        var (agreement, installments, recoveries) = Signed();
        var advance = Find(installments, State, 1, InstallmentKind.Advance);
        Pay(advance, 4_000m);

        var change = Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 3_000m), Flat(Region, 40_000m));

        Assert.Equal(InstallmentState.Paid, advance.State);
        Assert.Equal((4_000m, 6_000m), (advance.OwedAmount, advance.CancelledAmount));
        Assert.Equal(1_000m, Assert.Single(change.Recoveries).Amount);
    }

    [Fact]
    public void A_later_amendment_does_not_claim_back_again_what_a_recovery_order_already_claims()
    {
        var (agreement, installments, recoveries) = Signed();
        Pay(Find(installments, State, 1, InstallmentKind.Advance), 10_000m);
        Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 6_000m), Flat(Region, 40_000m));

        var resplit = Amend(agreement, installments, recoveries, AmendmentKind.ChangeYearlySplit, Custom(State, 6_000m, 0m, 0m), Flat(Region, 40_000m));

        Assert.Empty(resplit.Recoveries);
        Assert.Equal(4_000m, Assert.Single(recoveries).Amount);
        Assert.Equal(6_000m, Net(installments, recoveries, State));
    }

    [Fact]
    public void Raising_the_amount_again_first_reduces_the_outstanding_recovery_order()
    {
        var (agreement, installments, recoveries) = Signed();
        Pay(Find(installments, State, 1, InstallmentKind.Advance), 10_000m);
        Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 6_000m), Flat(Region, 40_000m));
        var recovery = Assert.Single(recoveries);
        Settle(recovery, 1_000m);

        var raised = Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 12_000m), Flat(Region, 40_000m));

        // 4 000 € were claimed back, 1 000 € already returned: the 3 000 € outstanding are waived, 3 000 € more are planned.
        Assert.Equal((1_000m, 0m, RecoveryState.Settled), (recovery.Amount, recovery.Outstanding, recovery.State));
        Assert.Equal(3_000m, raised.Added.Where(i => i.FunderId == State).Sum(i => i.Amount));
        Assert.Equal(12_000m, Net(installments, recoveries, State));
    }

    [Fact]
    public void Extending_the_duration_spreads_what_is_still_owed_over_the_new_years_too()
    {
        var (agreement, installments, recoveries) = Signed();
        Pay(Find(installments, State, 1, InstallmentKind.Advance), 10_000m);

        var change = Amend(
            agreement,
            installments,
            recoveries,
            AmendmentKind.ExtendDuration,
            new FunderCommitment(State, 60_000m, [15_000m, 15_000m, 15_000m, 15_000m]),
            new FunderCommitment(Region, 40_000m, [10_000m, 10_000m, 10_000m, 10_000m]),
            durationYears: 4);

        Assert.Equal(4, agreement.Years.Count);
        Assert.Contains(change.Added, i => i.FunderId == State && i is { Year: 4, Kind: InstallmentKind.Balance, DueFrom.Year: 2032 });
        Assert.Equal(60_000m, InForce(installments, State).Sum(i => i.OwedAmount));
        Assert.Equal(40_000m, InForce(installments, Region).Sum(i => i.OwedAmount));
        Assert.Equal(4, InForce(installments, Region).Max(i => i.Year));
    }

    [Fact]
    public void Terminated_on_30_June_of_year_two_the_first_year_and_181_days_of_the_second_are_due()
    {
        var (agreement, _, _) = Signed();

        var due = PaymentSchedule.DueOnTermination(agreement, agreement.Funders[0], new DateOnly(2029, 6, 30));

        // 20 000 € + 20 000 € × 181/365 = 29 917,808… → 29 917,81 € by the rounding rule.
        Assert.Equal(29_917.81m, due);
        Assert.Equal(0m, PaymentSchedule.DueOnTermination(agreement, agreement.Funders[0], new DateOnly(2027, 12, 31)));
        Assert.Equal(60_000m, PaymentSchedule.DueOnTermination(agreement, agreement.Funders[0], new DateOnly(2030, 12, 31)));
    }

    [Fact]
    public void A_funder_that_paid_less_than_is_due_on_termination_owes_one_closing_balance_released_by_the_final_report()
    {
        var (agreement, installments, recoveries) = Signed();
        Pay(Find(installments, State, 1, InstallmentKind.Advance), 10_000m);
        var ordered = Find(installments, State, 1, InstallmentKind.Balance);
        Order(ordered);
        Assert.True(agreement.Terminate("Dissolution du consortium", new DateOnly(2029, 6, 30)).IsSuccess);

        var change = PaymentSchedule.Terminate(agreement, installments, recoveries, new DateOnly(2029, 6, 30), Later);

        Assert.Equal(InstallmentState.Cancelled, ordered.State);
        Assert.All(installments.Where(i => i.PaidAmount == 0), i => Assert.Equal(InstallmentState.Cancelled, i.State));
        var closing = Assert.Single(change.Added, i => i.FunderId == State);
        Assert.Equal((2, InstallmentKind.Balance, 19_917.81m, ReleaseCondition.FinalReportApproved, new DateOnly(2029, 7, 1)), (closing.Year, closing.Kind, closing.Amount, closing.Condition, closing.DueFrom));
        Assert.Empty(change.Recoveries);
        // The Region paid nothing: 13 333,34 € + 13 333,33 € × 181/365 due.
        Assert.Equal(13_333.34m + 6_611.87m, Assert.Single(change.Added, i => i.FunderId == Region).Amount);
    }

    [Fact]
    public void A_funder_that_paid_more_than_is_due_on_termination_gets_a_recovery_order_for_the_difference()
    {
        var (agreement, installments, recoveries) = Signed();
        foreach (var slot in new[] { (1, InstallmentKind.Advance), (1, InstallmentKind.Balance), (2, InstallmentKind.Advance), (2, InstallmentKind.Balance) })
        {
            Pay(Find(installments, State, slot.Item1, slot.Item2), 10_000m);
        }

        Assert.True(agreement.Terminate("Dissolution du consortium", new DateOnly(2029, 6, 30)).IsSuccess);

        var change = PaymentSchedule.Terminate(agreement, installments, recoveries, new DateOnly(2029, 6, 30), Later);

        var recovery = Assert.Single(change.Recoveries);
        Assert.Equal((State, RecoveryCause.EarlyTermination, 40_000m - 29_917.81m), (recovery.FunderId, recovery.Cause, recovery.Amount));
        Assert.DoesNotContain(change.Added, i => i.FunderId == State);
    }

    [Fact]
    public void Termination_after_a_reduction_does_not_claim_back_twice()
    {
        var (agreement, installments, recoveries) = Signed();
        Pay(Find(installments, State, 1, InstallmentKind.Advance), 10_000m);
        Amend(agreement, installments, recoveries, AmendmentKind.ChangeAmount, Flat(State, 6_000m), Flat(Region, 40_000m));
        Assert.True(agreement.Terminate("Dissolution", new DateOnly(2028, 12, 31)).IsSuccess);

        var change = PaymentSchedule.Terminate(agreement, installments, recoveries, new DateOnly(2028, 12, 31), Later);

        // Due: year 1 of the reduced terms, 2 000 €; 10 000 € paid, 4 000 € already claimed back: 4 000 € more.
        Assert.Equal(4_000m, Assert.Single(change.Recoveries, r => r.FunderId == State).Amount);
        recoveries.AddRange(change.Recoveries);
        Assert.Equal(2_000m, Net(installments, recoveries, State));
    }

    [Fact]
    public void Property_random_amendments_and_payments_keep_every_funders_schedule_equal_to_its_total()
    {
        var seed = Environment.GetEnvironmentVariable("PTCE_PROPERTY_SEED") is { } fixedSeed ? int.Parse(fixedSeed, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        var random = new Random(seed);
        for (var run = 0; run < 2_000; run++)
        {
            var (agreement, installments, recoveries) = Signed();
            var steps = random.Next(1, 10);
            for (var step = 0; step < steps; step++)
            {
                var context = $"seed {seed}, run {run}, step {step}";
                switch (random.Next(0, 6))
                {
                    case 0:
                    case 1:
                        PayRandomly(random, installments);
                        break;
                    case 2:
                        if (recoveries.Where(r => r.Outstanding > 0).ToList() is { Count: > 0 } open)
                        {
                            var recovery = open[random.Next(open.Count)];
                            Settle(recovery, Math.Max(0.01m, decimal.Round(recovery.Outstanding * (decimal)random.NextDouble(), 2)));
                        }

                        break;
                    default:
                        AmendRandomly(random, agreement, installments, recoveries);
                        break;
                }

                CheckInvariant(agreement, installments, recoveries, f => f.Total, context);
            }

            if (random.Next(0, 3) == 0)
            {
                var effectiveOn = Start.AddDays(random.Next(-30, agreement.EndDate.DayNumber - Start.DayNumber + 1));
                Assert.True(agreement.Terminate("Résiliation", effectiveOn).IsSuccess);
                var change = PaymentSchedule.Terminate(agreement, installments, recoveries, effectiveOn, Later);
                installments.AddRange(change.Added);
                recoveries.AddRange(change.Recoveries);
                Assert.All(installments, i => Assert.True(i.State is InstallmentState.Paid or InstallmentState.Cancelled || i.PlannedByVersion == agreement.CurrentVersion.Number, $"seed {seed}, run {run}"));
                CheckInvariant(agreement, installments, recoveries, f => PaymentSchedule.DueOnTermination(agreement, f, effectiveOn), $"seed {seed}, run {run}, termination on {effectiveOn}");
            }
        }
    }

    private static void CheckInvariant(Agreement agreement, List<Installment> installments, List<RecoveryOrder> recoveries, Func<FunderCommitment, decimal> expected, string context)
    {
        foreach (var funder in agreement.Funders)
        {
            Assert.True(Net(installments, recoveries, funder.FunderId) == expected(funder), $"{context}: {Net(installments, recoveries, funder.FunderId)} ≠ {expected(funder)}");
        }

        Assert.All(installments, i => Assert.True(i.PaidAmount <= i.OwedAmount && i.OwedAmount >= 0 && Money.IsInCents(i.OwedAmount), context));
        Assert.All(recoveries, r => Assert.True(r.Recovered <= r.Amount && r.Amount >= 0, context));
    }

    private static void PayRandomly(Random random, List<Installment> installments)
    {
        var open = installments.Where(i => i.State is InstallmentState.Planned or InstallmentState.Ordered).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var installment = open[random.Next(open.Count)];
        if (random.Next(0, 3) == 0)
        {
            Order(installment);
            return;
        }

        var amount = random.Next(0, 2) == 0 ? installment.Remaining : Math.Max(0.01m, decimal.Round(installment.Remaining * (decimal)random.NextDouble(), 2));
        Pay(installment, amount);
    }

    private static void AmendRandomly(Random random, Agreement agreement, List<Installment> installments, List<RecoveryOrder> recoveries)
    {
        var kind = random.Next(0, 3) switch
        {
            0 => AmendmentKind.ChangeAmount,
            1 when agreement.DurationYears < 5 => AmendmentKind.ExtendDuration,
            _ => AmendmentKind.ChangeYearlySplit,
        };
        var duration = kind == AmendmentKind.ExtendDuration ? random.Next(agreement.DurationYears + 1, 6) : agreement.DurationYears;
        var years = AgreementYear.Sequence(Start, duration, anniversaryYears: false).Count;
        var funders = agreement.Funders.Select(f =>
        {
            var total = kind == AmendmentKind.ChangeAmount && random.Next(0, 3) > 0 ? random.Next(1, 10_000_000) / 100m : f.Total;
            var weights = Enumerable.Range(0, years).Select(_ => (decimal)random.Next(0, 5)).ToList();
            if (weights.All(w => w == 0))
            {
                weights[0] = 1;
            }

            return new FunderCommitment(f.FunderId, total, MoneyRounding.Allocate(total, weights).Value);
        }).ToArray();
        Amend(agreement, installments, recoveries, kind, funders, duration);
    }

    private static ScheduleChange Amend(Agreement agreement, List<Installment> installments, List<RecoveryOrder> recoveries, AmendmentKind kind, params FunderCommitment[] funders) =>
        Amend(agreement, installments, recoveries, kind, funders, agreement.DurationYears);

    private static ScheduleChange Amend(Agreement agreement, List<Installment> installments, List<RecoveryOrder> recoveries, AmendmentKind kind, FunderCommitment state, FunderCommitment region, int durationYears) =>
        Amend(agreement, installments, recoveries, kind, [state, region], durationYears);

    private static ScheduleChange Amend(Agreement agreement, List<Installment> installments, List<RecoveryOrder> recoveries, AmendmentKind kind, FunderCommitment[] funders, int durationYears)
    {
        var amended = agreement.Amend(kind, new AmendmentRequest(funders, kind == AmendmentKind.ExtendDuration ? durationYears : null), new DateOnly(2029, 1, 1), "Avenant", Later);
        Assert.True(amended.IsSuccess, amended.Error?.Message);
        var change = PaymentSchedule.Replan(agreement, installments, recoveries, SignedOn, Later);
        installments.AddRange(change.Added);
        recoveries.AddRange(change.Recoveries);
        return change;
    }

    /// <summary>Owed amounts of the installments in force, minus what recovery orders claim back.</summary>
    private static decimal Net(List<Installment> installments, List<RecoveryOrder> recoveries, FunderId funder) =>
        installments.Where(i => i.FunderId == funder && i.State != InstallmentState.Cancelled).Sum(i => i.OwedAmount)
        - recoveries.Where(r => r.FunderId == funder).Sum(r => r.Amount);

    private static IEnumerable<Installment> InForce(List<Installment> installments, FunderId funder) =>
        installments.Where(i => i.FunderId == funder && i.State != InstallmentState.Cancelled);

    private static Installment Find(List<Installment> installments, FunderId funder, int year, InstallmentKind kind) =>
        installments.Single(i => i.FunderId == funder && i.Year == year && i.Kind == kind && i.State != InstallmentState.Cancelled);

    private static FunderCommitment Flat(FunderId funder, decimal total) =>
        new(funder, total, MoneyRounding.Allocate(total, [1m, 1m, 1m]).Value);

    private static FunderCommitment Custom(FunderId funder, params decimal[] amounts) => new(funder, amounts.Sum(), amounts);

    private static void Order(Installment installment)
    {
        if (installment.State == InstallmentState.Planned)
        {
            Assert.True(installment.Release("Comptes rendus approuvés", SignedAt).IsSuccess);
            var ordered = installment.Order("DP-1", new LegalCommitment(installment.FunderId, "2103456789", Finance, PayDay.ToDateTime(TimeOnly.MinValue)), Guid.NewGuid(), Finance, PayDay, held: false);
            Assert.True(ordered.IsSuccess, ordered.Error?.Message);
        }
    }

    private static void Pay(Installment installment, decimal amount)
    {
        Order(installment);
        var paid = installment.RecordPayment(Guid.NewGuid().ToString(), amount, PayDay, "VIR-1", Finance, Later);
        Assert.True(paid.IsSuccess, paid.Error?.Message);
    }

    private static void Settle(RecoveryOrder recovery, decimal amount) =>
        Assert.True(recovery.RecordSettlement(Guid.NewGuid().ToString(), amount, PayDay, "REV-1", Finance, Later).IsSuccess);

    private static (Agreement Agreement, List<Installment> Installments, List<RecoveryOrder> Recoveries) Signed()
    {
        var (decision, application, _, _) = AcceptedDecision.Build(durationYears: 3);
        var funders = new[] { Flat(State, AcceptedDecision.StateTotal), Flat(Region, AcceptedDecision.RegionTotal) };
        var agreement = Agreement.DraftFrom(AgreementId.New(), decision, application, funders, new AgreementSettings(StartDate: Start), Guid.NewGuid(), SignedAt).Value;
        Assert.True(agreement.SignByFunder(State, Guid.NewGuid(), SignedAt).IsSuccess);
        Assert.True(agreement.SignByFunder(Region, Guid.NewGuid(), SignedAt).IsSuccess);
        Assert.True(agreement.SignByLeadMember(Guid.NewGuid(), SignedAt).IsSuccess);
        return (agreement, [.. PaymentSchedule.Plan(agreement, SignedOn)], []);
    }
}
