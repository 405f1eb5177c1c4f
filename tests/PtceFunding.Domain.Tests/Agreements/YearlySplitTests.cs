using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;

namespace PtceFunding.Domain.Tests.Agreements;

public sealed class YearlySplitTests
{
    [Fact]
    public void Forty_thirty_twenty_ten_on_a_hundred_thousand_euros()
    {
        var split = YearlySplit.Tapering([40m, 30m, 20m, 10m]).Value;

        Assert.Equal([40_000m, 30_000m, 20_000m, 10_000m], split.Allocate(100_000m).Value);
    }

    [Fact]
    public void A_flat_hundred_thousand_euros_over_three_years_puts_the_extra_cent_on_year_one()
    {
        var split = YearlySplit.Flat(3).Value;

        Assert.Equal([33_333.34m, 33_333.33m, 33_333.33m], split.Allocate(100_000m).Value);
    }

    [Fact]
    public void A_linear_taper_from_forty_percent_over_four_years_is_forty_thirty_twenty_ten()
    {
        var split = YearlySplit.LinearTaper(4, 40m).Value;

        Assert.Equal([40_000m, 30_000m, 20_000m, 10_000m], split.Allocate(100_000m).Value);
        Assert.Equal(ScheduleShape.Tapering, split.Shape);
        Assert.Equal(40m, split.FirstYearPercent);
    }

    [Fact]
    public void A_linear_ramp_up_from_ten_percent_over_four_years_is_ten_twenty_thirty_forty()
    {
        var split = YearlySplit.LinearRampUp(4, 10m).Value;

        Assert.Equal([10_000m, 20_000m, 30_000m, 40_000m], split.Allocate(100_000m).Value);
    }

    [Fact]
    public void A_linear_taper_whose_step_is_not_a_finite_decimal_stays_exact()
    {
        // 35 % over 4 years: step 6,666… % → 35 / 28,333… / 21,666… / 15 %: the missing cent goes to the larger remainder.
        var split = YearlySplit.LinearTaper(4, 35m).Value;

        Assert.Equal([35_000m, 28_333.33m, 21_666.67m, 15_000m], split.Allocate(100_000m).Value);
    }

    [Fact]
    public void A_linear_taper_over_one_year_is_the_whole_amount()
    {
        Assert.Equal([12_345.67m], YearlySplit.LinearTaper(1, 100m).Value.Allocate(12_345.67m).Value);
    }

    [Theory]
    [InlineData(4, 24.99)] // below flat: it would increase
    [InlineData(4, 50.01)] // above 200/4: the last year would be negative
    [InlineData(1, 90)]
    public void A_linear_taper_with_an_impossible_first_year_share_is_refused(int years, double firstYear)
    {
        var result = YearlySplit.LinearTaper(years, (decimal)firstYear);

        Assert.Equal("schedule.first_year_share_out_of_range", result.Error?.Code);
        Assert.Contains("dégressif", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_of_a_linear_taper_gives_the_range_in_reachable_percentages()
    {
        Assert.True(YearlySplit.LinearTaper(3, 33.34m).IsSuccess);
        Assert.Contains("entre 33,34 % et 66,66 %", YearlySplit.LinearTaper(3, 33.33m).Error?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 25.01)]
    [InlineData(3, -1)]
    public void A_linear_ramp_up_with_an_impossible_first_year_share_is_refused(int years, double firstYear)
    {
        Assert.Equal("schedule.first_year_share_out_of_range", YearlySplit.LinearRampUp(years, (decimal)firstYear).Error?.Code);
    }

    [Fact]
    public void Percentages_that_do_not_sum_to_one_hundred_are_refused_with_the_sum()
    {
        var result = YearlySplit.Tapering([40m, 30m, 20m, 5m]);

        Assert.Equal("schedule.percentages_not_100", result.Error?.Code);
        Assert.Contains("95 %", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tapering_split_that_increases_is_refused_naming_the_year()
    {
        var result = YearlySplit.Tapering([40m, 20m, 30m, 10m]);

        Assert.Equal("schedule.not_tapering", result.Error?.Code);
        Assert.Contains("année 3", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ramp_up_split_that_decreases_is_refused()
    {
        Assert.Equal("schedule.not_ramp_up", YearlySplit.RampUp([10m, 30m, 20m, 40m]).Error?.Code);
    }

    [Fact]
    public void Equal_years_are_both_tapering_and_ramp_up()
    {
        Assert.True(YearlySplit.Tapering([50m, 50m]).IsSuccess);
        Assert.True(YearlySplit.RampUp([50m, 50m]).IsSuccess);
        Assert.Equal("schedule.not_flat", YearlySplit.FromPercentages(ScheduleShape.Flat, [60m, 40m]).Error?.Code);
    }

    [Fact]
    public void A_negative_percentage_is_refused()
    {
        Assert.Equal("schedule.negative_percentage", YearlySplit.RampUp([-10m, 50m, 60m]).Error?.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void An_agreement_spans_one_to_six_budget_years(int years)
    {
        Assert.Equal("schedule.years_out_of_range", YearlySplit.Flat(years).Error?.Code);
        Assert.Equal("schedule.years_out_of_range", YearlySplit.LinearRampUp(years, 0m).Error?.Code);
    }

    [Fact]
    public void Seven_yearly_percentages_are_refused()
    {
        Assert.Equal("schedule.years_out_of_range", YearlySplit.Tapering([20m, 20m, 20m, 10m, 10m, 10m, 10m]).Error?.Code);
    }

    [Fact]
    public void A_custom_table_is_kept_as_is_when_it_sums_to_the_total()
    {
        var split = YearlySplit.Custom([50_000m, 10_000.01m, 39_999.99m]).Value;

        Assert.Equal([50_000m, 10_000.01m, 39_999.99m], split.Allocate(100_000m).Value);
        Assert.Null(split.Shape);
    }

    [Fact]
    public void A_custom_table_one_cent_short_of_the_total_is_refused_with_both_amounts()
    {
        var result = YearlySplit.Custom([50_000m, 49_999.99m]).Value.Allocate(100_000m);

        Assert.Equal("schedule.custom_total_mismatch", result.Error?.Code);
        Assert.Contains(Money.Format(99_999.99m), result.Error?.Message, StringComparison.Ordinal);
        Assert.Contains(Money.Format(100_000m), result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_table_with_fractions_of_a_cent_is_refused()
    {
        Assert.Equal("schedule.custom_amount_invalid", YearlySplit.Custom([10.005m, 9.995m]).Error?.Code);
    }

    [Fact]
    public void Weights_spread_a_partial_first_and_last_budget_year_prorata()
    {
        // Agreement from 1 July 2026 for 2 years: half of 2026, 2027, half of 2028.
        var split = YearlySplit.Weighted([0.5m, 1m, 0.5m]).Value;

        Assert.Equal([25_000m, 50_000m, 25_000m], split.Allocate(100_000m).Value);
        Assert.Equal("schedule.zero_weights", YearlySplit.Weighted([0m, 0m]).Error?.Code);
        Assert.Equal("schedule.negative_weight", YearlySplit.Weighted([1m, -1m]).Error?.Code);
    }
}
