using System.Globalization;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;

namespace PtceFunding.Domain.Tests.Agreements;

/// <summary>
/// Property tests of the money rules on many random totals, durations and shapes. Each run draws a new seed; a
/// failure names it: replay with <c>PTCE_PROPERTY_SEED=&lt;seed&gt; dotnet test --filter SchedulePropertyTests</c>.
/// </summary>
public sealed class SchedulePropertyTests
{
    private const int Cases = 20_000;

    private static readonly DateOnly SignedOn = new(2026, 3, 12);

    private static readonly DateOnly[] YearStarts = [new(2026, 1, 1), new(2027, 1, 1), new(2028, 1, 1), new(2029, 1, 1), new(2030, 1, 1)];

    private enum Generated
    {
        Flat,
        TaperingPercentages,
        RampUpPercentages,
        LinearTaper,
        LinearRampUp,
        Custom,
        Weighted,
    }

    [Fact]
    public void Installments_sum_exactly_to_the_total_and_follow_the_shape()
    {
        var seed = Seed();
        var random = new Random(seed);
        for (var n = 0; n < Cases; n++)
        {
            var total = RandomTotal(random);
            var years = random.Next(1, 6);
            var generated = (Generated)random.Next(0, 7);
            var (split, expectedShape) = RandomSplit(random, generated, years, total);
            var advancePercent = RandomAdvancePercent(random);
            var context = $"seed {seed} (replay: PTCE_PROPERTY_SEED={seed}), case {n}: total {total}, {years} year(s), {generated} [{string.Join("; ", split.Weights)}], advance {advancePercent} %";

            var result = InstallmentPlan.Generate(total, split, advancePercent, SignedOn, YearStarts[..years]);

            Check(result.IsSuccess, context, () => $"refused: {result.Error?.Code}");
            var plan = result.Value;
            var amounts = plan.YearAmounts;
            Check(plan.Installments.Count == 2 * years, context, () => $"{plan.Installments.Count} installments");
            Check(plan.Installments.Sum(i => i.Amount) == total, context, () => $"installments sum to {plan.Installments.Sum(i => i.Amount)}");
            Check(amounts.Sum() == total, context, () => $"years sum to {amounts.Sum()}");
            foreach (var installment in plan.Installments)
            {
                Check(installment.Amount >= 0m && Money.IsInCents(installment.Amount), context, () => $"installment {installment}");
            }

            for (var year = 1; year <= years; year++)
            {
                var (advance, balance) = (plan.Installments[(2 * year) - 2], plan.Installments[(2 * year) - 1]);
                var yearAmount = amounts[year - 1];
                Check(advance is { Kind: InstallmentKind.Advance } && advance.Year == year, context, () => $"installment {advance}");
                Check(balance is { Kind: InstallmentKind.Balance, DueDate: null } && balance.Year == year, context, () => $"installment {balance}");
                Check(advance.Amount + balance.Amount == yearAmount, context, () => $"year {year}: {advance.Amount} + {balance.Amount} ≠ {yearAmount}");
                Check(Math.Abs(advance.Amount - (yearAmount * advancePercent / 100m)) < 0.01m, context, () => $"year {year}: advance {advance.Amount} of {yearAmount}");
                Check(advance.DueDate == (year == 1 ? SignedOn : YearStarts[year - 1]), context, () => $"year {year}: advance due {advance.DueDate}");
            }

            CheckFollowsTheWeights(amounts, total, split, context);
            for (var year = 1; year < years; year++)
            {
                var (previous, current) = (amounts[year - 1], amounts[year]);
                if (expectedShape == ScheduleShape.Tapering)
                {
                    Check(current <= previous + 0.01m, context, () => $"tapering increases in year {year + 1}: {previous} → {current}");
                }
                else if (expectedShape == ScheduleShape.RampUp)
                {
                    Check(current >= previous - 0.01m, context, () => $"ramp-up decreases in year {year + 1}: {previous} → {current}");
                }
                else if (expectedShape == ScheduleShape.Flat)
                {
                    Check(Math.Abs(current - previous) <= 0.01m, context, () => $"flat varies in year {year + 1}: {previous} → {current}");
                }
            }
        }
    }

    [Fact]
    public void Allocating_any_total_over_any_weights_is_exact_and_keeps_the_order_of_the_exact_shares()
    {
        var seed = Seed();
        var random = new Random(seed);
        for (var n = 0; n < Cases; n++)
        {
            var total = RandomTotal(random);
            var weights = new decimal[random.Next(1, 13)];
            for (var i = 0; i < weights.Length; i++)
            {
                // Zeros, small integers, percentages with two decimals, day counts.
                weights[i] = random.Next(0, 4) switch
                {
                    0 => random.Next(0, 3),
                    1 => random.Next(0, 10_001) / 100m,
                    2 => random.Next(1, 367),
                    _ => random.Next(0, 1_000_000) / 10_000m,
                };
            }

            if (weights.All(w => w == 0m))
            {
                weights[0] = 1m;
            }

            var context = $"seed {seed} (replay: PTCE_PROPERTY_SEED={seed}), case {n}: total {total}, weights [{string.Join("; ", weights)}]";

            var result = MoneyRounding.Allocate(total, weights);

            Check(result.IsSuccess, context, () => $"refused: {result.Error?.Code}");
            Check(result.Value.Sum() == total, context, () => $"sums to {result.Value.Sum()}");
            CheckFollowsTheWeights(result.Value, total, weights, context);
        }
    }

    /// <summary>Each amount ≥ 0, in cents, less than a cent from its exact share, and in the order of the exact shares.</summary>
    private static void CheckFollowsTheWeights(IReadOnlyList<decimal> amounts, decimal total, YearlySplit split, string context)
    {
        if (split.Kind == YearlySplitKind.Custom)
        {
            Check(amounts.SequenceEqual(split.Weights), context, () => $"custom table changed: [{string.Join("; ", amounts)}]");
            return;
        }

        CheckFollowsTheWeights(amounts, total, split.Weights, context);
    }

    private static void CheckFollowsTheWeights(IReadOnlyList<decimal> amounts, decimal total, IReadOnlyList<decimal> weights, string context)
    {
        var weightSum = weights.Sum();
        for (var i = 0; i < amounts.Count; i++)
        {
            var exact = total * weights[i] / weightSum;
            var amount = amounts[i];
            Check(amount >= 0m && Money.IsInCents(amount), context, () => $"share {i + 1}: {amount}");
            Check(Math.Abs(amount - exact) < 0.01m, context, () => $"share {i + 1}: {amount} is a cent or more from {exact}");
            for (var j = i + 1; j < amounts.Count; j++)
            {
                // Comparing the weights compares the exact shares exactly.
                var other = amounts[j];
                var order = weights[i].CompareTo(weights[j]);
                Check(
                    order switch
                    {
                        > 0 => amount >= other,
                        < 0 => amount <= other,
                        _ => Math.Abs(amount - other) <= 0.01m,
                    },
                    context,
                    () => $"shares {i + 1} and {j + 1}: {amount} and {other} do not follow weights {weights[i]} and {weights[j]}");
            }
        }
    }

    private static (YearlySplit Split, ScheduleShape? Shape) RandomSplit(Random random, Generated generated, int years, decimal total)
    {
        var result = generated switch
        {
            Generated.Flat => YearlySplit.Flat(years),
            Generated.TaperingPercentages => YearlySplit.Tapering([.. RandomParts(random, 10_000, years).OrderDescending().Select(bp => bp / 100m)]),
            Generated.RampUpPercentages => YearlySplit.RampUp([.. RandomParts(random, 10_000, years).Order().Select(bp => bp / 100m)]),
            Generated.LinearTaper => YearlySplit.LinearTaper(years, years == 1 ? 100m : random.Next(Ceiling(10_000, years), Math.Min(10_000, 20_000 / years) + 1) / 100m),
            Generated.LinearRampUp => YearlySplit.LinearRampUp(years, years == 1 ? 100m : random.Next(0, (10_000 / years) + 1) / 100m),
            Generated.Custom => YearlySplit.Custom([.. RandomParts(random, (long)(total * 100m), years).Select(c => c / 100m)]),
            _ => YearlySplit.Weighted([.. Enumerable.Range(0, years).Select(_ => (decimal)random.Next(1, 367))]),
        };

        var split = result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException($"The generator built an invalid {generated} split: {result.Error.Code}.");
        return (split, split.Shape);
    }

    /// <summary>A random split of <paramref name="whole"/> into <paramref name="count"/> parts ≥ 0.</summary>
    private static long[] RandomParts(Random random, long whole, int count)
    {
        var cuts = new long[count + 1];
        cuts[count] = whole;
        for (var i = 1; i < count; i++)
        {
            cuts[i] = random.NextInt64(0, whole + 1);
        }

        Array.Sort(cuts, 1, count - 1);
        var parts = new long[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = cuts[i + 1] - cuts[i];
        }

        return parts;
    }

    /// <summary>1 € to 5 M€ with random cents: half uniform, half log-uniform so that small totals are tried too.</summary>
    private static decimal RandomTotal(Random random)
    {
        const long Min = 100, Max = 500_000_000;
        var cents = random.Next(2) == 0
            ? random.NextInt64(Min, Max + 1)
            : (long)Math.Clamp(Math.Exp(random.NextDouble() * Math.Log(Max / (double)Min)) * Min, Min, Max);
        return cents / 100m;
    }

    private static decimal RandomAdvancePercent(Random random) => random.Next(0, 4) switch
    {
        0 => 50m,
        1 => 0m,
        2 => 100m,
        _ => random.Next(0, 10_001) / 100m,
    };

    private static int Ceiling(int dividend, int divisor) => (dividend + divisor - 1) / divisor;

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("PTCE_PROPERTY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();

    private static void Check(bool condition, string context, Func<string> failure)
    {
        if (!condition)
        {
            Assert.Fail($"{failure()} — {context}");
        }
    }
}
