using PtceFunding.Domain.Agreements;

namespace PtceFunding.Domain.Tests.Agreements;

public sealed class MoneyRoundingTests
{
    [Fact]
    public void A_hundred_thousand_euros_in_three_equal_shares_gives_the_extra_cent_to_the_first_year()
    {
        var amounts = MoneyRounding.Allocate(100_000m, [1m, 1m, 1m]).Value;

        Assert.Equal([33_333.34m, 33_333.33m, 33_333.33m], amounts);
    }

    [Fact]
    public void Missing_cents_go_to_the_largest_remainders_not_to_the_first_shares()
    {
        // Exact shares: 0,142857… / 0,285714… / 0,571428… → floors 0,14 / 0,28 / 0,57 (0,99), remainders ,2857 / ,5714 / ,1428.
        var amounts = MoneyRounding.Allocate(1m, [1m, 2m, 4m]).Value;

        Assert.Equal([0.14m, 0.29m, 0.57m], amounts);
    }

    [Fact]
    public void Two_missing_cents_on_equal_remainders_go_to_the_earliest_shares()
    {
        var amounts = MoneyRounding.Allocate(0.02m, [1m, 1m, 1m]).Value;

        Assert.Equal([0.01m, 0.01m, 0m], amounts);
    }

    [Fact]
    public void A_share_of_zero_weight_gets_nothing()
    {
        var amounts = MoneyRounding.Allocate(100m, [0m, 1m, 2m]).Value;

        // 33,333… and 66,666…: the missing cent goes to the larger remainder (,666…), not to the earlier share.
        Assert.Equal([0m, 33.33m, 66.67m], amounts);
    }

    [Fact]
    public void Weights_need_not_sum_to_one_hundred()
    {
        // A partial first budget year: 92 days, then a full year, then 273 days.
        var amounts = MoneyRounding.Allocate(73_000m, [92m, 365m, 273m]).Value;

        Assert.Equal([9_200m, 36_500m, 27_300m], amounts);
    }

    [Theory]
    [InlineData(-0.01, "allocation.negative_total")]
    [InlineData(10.001, "allocation.total_not_in_cents")]
    public void A_negative_total_or_one_with_fractions_of_a_cent_is_refused(double total, string code)
    {
        var result = MoneyRounding.Allocate((decimal)total, [1m, 1m]);

        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public void Weights_must_be_given_non_negative_and_not_all_zero()
    {
        Assert.Equal("allocation.no_weights", MoneyRounding.Allocate(10m, []).Error?.Code);
        Assert.Equal("allocation.negative_weight", MoneyRounding.Allocate(10m, [2m, -1m]).Error?.Code);
        Assert.Equal("allocation.zero_weights", MoneyRounding.Allocate(10m, [0m, 0m]).Error?.Code);
    }

    [Fact]
    public void Zero_is_split_into_zeros()
    {
        Assert.Equal([0m, 0m], MoneyRounding.Allocate(0m, [40m, 60m]).Value);
    }
}
