using PtceFunding.Domain.Agreements;

namespace PtceFunding.Domain.Tests.Agreements;

public sealed class InstallmentPlanTests
{
    private static readonly DateOnly SignedOn = new(2026, 3, 12);

    private static readonly DateOnly[] ThreeBudgetYears = [new(2026, 1, 1), new(2027, 1, 1), new(2028, 1, 1)];

    [Fact]
    public void A_fifty_percent_advance_of_33_333_34_is_16_666_67_and_the_balance_the_same()
    {
        var plan = InstallmentPlan.Generate(100_000m, YearlySplit.Flat(3).Value, 50m, SignedOn, ThreeBudgetYears).Value;

        Assert.Equal(
            [
                new PlannedInstallment(1, InstallmentKind.Advance, 16_666.67m, SignedOn),
                new PlannedInstallment(1, InstallmentKind.Balance, 16_666.67m, null),
                new PlannedInstallment(2, InstallmentKind.Advance, 16_666.67m, new DateOnly(2027, 1, 1)),
                new PlannedInstallment(2, InstallmentKind.Balance, 16_666.66m, null),
                new PlannedInstallment(3, InstallmentKind.Advance, 16_666.67m, new DateOnly(2028, 1, 1)),
                new PlannedInstallment(3, InstallmentKind.Balance, 16_666.66m, null),
            ],
            plan.Installments);
        Assert.Equal(100_000m, plan.Installments.Sum(i => i.Amount));
    }

    [Fact]
    public void The_first_advance_has_no_date_before_signature_and_balances_never_have_one()
    {
        var plan = InstallmentPlan.FromYearAmounts([40_000m, 60_000m], 30m, signedOn: null, [new(2026, 1, 1), new(2027, 1, 1)]).Value;

        Assert.Equal([null, null, new DateOnly(2027, 1, 1), null], plan.Installments.Select(i => i.DueDate));
        Assert.Equal([12_000m, 28_000m, 18_000m, 42_000m], plan.Installments.Select(i => i.Amount));
    }

    [Fact]
    public void A_full_advance_leaves_a_zero_balance()
    {
        var plan = InstallmentPlan.FromYearAmounts([1_000m], 100m, SignedOn, [new(2026, 1, 1)]).Value;

        Assert.Equal([1_000m, 0m], plan.Installments.Select(i => i.Amount));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    public void An_advance_outside_zero_to_one_hundred_percent_is_refused(double percent)
    {
        var result = InstallmentPlan.FromYearAmounts([1_000m], (decimal)percent, SignedOn, [new(2026, 1, 1)]);

        Assert.Equal("schedule.advance_percent_out_of_range", result.Error?.Code);
    }

    [Fact]
    public void One_start_date_per_year_is_required_in_increasing_order()
    {
        Assert.Equal(
            "schedule.year_starts_mismatch",
            InstallmentPlan.FromYearAmounts([1_000m, 1_000m], 50m, SignedOn, [new(2026, 1, 1)]).Error?.Code);
        Assert.Equal(
            "schedule.year_starts_not_increasing",
            InstallmentPlan.FromYearAmounts([1_000m, 1_000m], 50m, SignedOn, [new(2026, 1, 1), new(2026, 1, 1)]).Error?.Code);
    }

    [Fact]
    public void A_year_amount_with_fractions_of_a_cent_is_refused()
    {
        var result = InstallmentPlan.FromYearAmounts([1_000.001m], 50m, SignedOn, [new(2026, 1, 1)]);

        Assert.Equal("schedule.year_amount_invalid", result.Error?.Code);
    }

    [Fact]
    public void A_split_error_is_returned_as_is()
    {
        var result = InstallmentPlan.Generate(100_000m, YearlySplit.Custom([1m]).Value, 50m, SignedOn, [new(2026, 1, 1)]);

        Assert.Equal("schedule.custom_total_mismatch", result.Error?.Code);
    }
}
