using System.Globalization;

namespace PtceFunding.Domain.Agreements;

/// <summary>How a yearly split was given.</summary>
public enum YearlySplitKind
{
    /// <summary>The same share every year.</summary>
    Flat = 0,

    /// <summary>Explicit yearly percentages (tapering, ramp-up or flat), summing to 100.</summary>
    Percentages = 1,

    /// <summary>A linear rule from the first year's share (linear taper or linear ramp-up).</summary>
    LinearRule = 2,

    /// <summary>A table of yearly amounts that must add up to the total exactly.</summary>
    Custom = 3,

    /// <summary>Explicit weights, e.g. a prorata of partial first and last budget years computed by the caller.</summary>
    Weighted = 4,
}

/// <summary>
/// How a funder's total is spread over the agreement years (1 to 6 budget years: an agreement lasts 1 to 5 years,
/// and a 5-year agreement over calendar years that does not start on 1 January touches 6 of them). The split holds proportional weights (or, for a
/// custom table, the amounts themselves); <see cref="Allocate"/> turns a total into yearly amounts exact to the cent
/// with <see cref="MoneyRounding.Allocate"/>.
/// </summary>
public sealed class YearlySplit
{
    public const int MinYears = 1;

    public const int MaxYears = 6;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private YearlySplit(YearlySplitKind kind, ScheduleShape? shape, IReadOnlyList<decimal> weights, decimal? firstYearPercent)
    {
        Kind = kind;
        Shape = shape;
        Weights = weights;
        FirstYearPercent = firstYearPercent;
    }

    public YearlySplitKind Kind { get; }

    /// <summary>Flat, tapering or ramp-up; null for a custom table or explicit weights, which follow no shape.</summary>
    public ScheduleShape? Shape { get; }

    /// <summary>
    /// One weight per year, proportional to that year's share (percentages, a linear rule's exact weights,
    /// prorata weights, or the custom amounts themselves).
    /// </summary>
    public IReadOnlyList<decimal> Weights { get; }

    /// <summary>The first year's share (%) of a linear rule; null otherwise.</summary>
    public decimal? FirstYearPercent { get; }

    public int Years => Weights.Count;

    /// <summary>The same amount every year (within the cent the rounding rule hands to the earliest years).</summary>
    public static Result<YearlySplit> Flat(int years)
    {
        if (CheckYears(years) is { } error)
        {
            return error;
        }

        var weights = new decimal[years];
        Array.Fill(weights, 1m);
        return new YearlySplit(YearlySplitKind.Flat, ScheduleShape.Flat, weights, null);
    }

    /// <summary>Explicit yearly percentages (e.g. 40/30/20/10), never increasing.</summary>
    public static Result<YearlySplit> Tapering(IReadOnlyList<decimal> percentages) => FromPercentages(ScheduleShape.Tapering, percentages);

    /// <summary>Explicit yearly percentages (e.g. 10/20/30/40), never decreasing.</summary>
    public static Result<YearlySplit> RampUp(IReadOnlyList<decimal> percentages) => FromPercentages(ScheduleShape.RampUp, percentages);

    /// <summary>
    /// Explicit yearly percentages: each ≥ 0, summing to exactly 100, non-increasing for a tapering shape,
    /// non-decreasing for a ramp-up, all equal for a flat one.
    /// </summary>
    public static Result<YearlySplit> FromPercentages(ScheduleShape shape, IReadOnlyList<decimal> percentages)
    {
        ArgumentNullException.ThrowIfNull(percentages);

        if (CheckYears(percentages.Count) is { } error)
        {
            return error;
        }

        if (percentages.Any(p => p < 0m))
        {
            return Error.RuleBroken("schedule.negative_percentage", "Un pourcentage annuel ne peut pas être négatif.");
        }

        var sum = percentages.Sum();
        if (sum != 100m)
        {
            return Error.RuleBroken(
                "schedule.percentages_not_100",
                $"Les pourcentages annuels doivent totaliser 100 % (total saisi : {sum.ToString(French)} %).");
        }

        for (var year = 1; year < percentages.Count; year++)
        {
            var (previous, current) = (percentages[year - 1], percentages[year]);
            switch (shape)
            {
                case ScheduleShape.Tapering when current > previous:
                    return Error.RuleBroken(
                        "schedule.not_tapering",
                        $"Un échéancier dégressif ne peut pas augmenter d'une année à l'autre (année {year + 1} supérieure à l'année {year}).");
                case ScheduleShape.RampUp when current < previous:
                    return Error.RuleBroken(
                        "schedule.not_ramp_up",
                        $"Un échéancier progressif ne peut pas diminuer d'une année à l'autre (année {year + 1} inférieure à l'année {year}).");
                case ScheduleShape.Flat when current != previous:
                    return Error.RuleBroken(
                        "schedule.not_flat",
                        "Un échéancier linéaire répartit le même pourcentage chaque année.");
            }
        }

        return new YearlySplit(YearlySplitKind.Percentages, shape, [.. percentages], null);
    }

    /// <summary>
    /// A linear taper from the first year's share: the shares decrease by the same step each year and sum to 100 %
    /// (first year 40 % over 4 years → 40, 30, 20, 10). The first-year share must lie between 100/years (flat)
    /// and min(100, 200/years) (the last year then gets 0 %).
    /// </summary>
    public static Result<YearlySplit> LinearTaper(int years, decimal firstYearPercent) =>
        LinearRule(ScheduleShape.Tapering, years, firstYearPercent);

    /// <summary>
    /// A linear ramp-up from the first year's share, the mirror of <see cref="LinearTaper"/>: the shares increase
    /// by the same step (first year 10 % over 4 years → 10, 20, 30, 40). The first-year share must lie between 0
    /// and 100/years (flat).
    /// </summary>
    public static Result<YearlySplit> LinearRampUp(int years, decimal firstYearPercent) =>
        LinearRule(ScheduleShape.RampUp, years, firstYearPercent);

    /// <summary>
    /// A custom table of yearly amounts (euros, exact to the cent, ≥ 0); <see cref="Allocate"/> refuses a total
    /// they do not add up to exactly.
    /// </summary>
    public static Result<YearlySplit> Custom(IReadOnlyList<decimal> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);

        if (CheckYears(amounts.Count) is { } error)
        {
            return error;
        }

        if (amounts.Any(a => a < 0m || !Money.IsInCents(a)))
        {
            return Error.RuleBroken("schedule.custom_amount_invalid", "Les montants annuels sont positifs, en euros et centimes.");
        }

        return new YearlySplit(YearlySplitKind.Custom, null, [.. amounts], null);
    }

    /// <summary>
    /// Explicit weights, one per year (≥ 0, at least one &gt; 0): the total is split in proportion (prorata).
    /// The caller uses it for partial first and last budget years, e.g. weights in days, or a shape's percentages
    /// multiplied by each year's fraction.
    /// </summary>
    public static Result<YearlySplit> Weighted(IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);

        if (CheckYears(weights.Count) is { } error)
        {
            return error;
        }

        if (weights.Any(w => w < 0m))
        {
            return Error.RuleBroken("schedule.negative_weight", "Un poids annuel ne peut pas être négatif.");
        }

        if (weights.All(w => w == 0m))
        {
            return Error.RuleBroken("schedule.zero_weights", "Au moins une année doit avoir un poids positif.");
        }

        return new YearlySplit(YearlySplitKind.Weighted, null, [.. weights], null);
    }

    /// <summary>The yearly amounts of <paramref name="total"/>: exact to the cent, summing exactly to it.</summary>
    public Result<IReadOnlyList<decimal>> Allocate(decimal total)
    {
        if (Kind != YearlySplitKind.Custom)
        {
            return MoneyRounding.Allocate(total, Weights);
        }

        var sum = Weights.Sum();
        if (sum != total)
        {
            return Error.RuleBroken(
                "schedule.custom_total_mismatch",
                $"Les montants annuels totalisent {Money.Format(sum)} au lieu de {Money.Format(total)}.");
        }

        return Result<IReadOnlyList<decimal>>.Success([.. Weights]);
    }

    private static Result<YearlySplit> LinearRule(ScheduleShape shape, int years, decimal firstYearPercent)
    {
        if (CheckYears(years) is { } error)
        {
            return error;
        }

        // Shares p, p ∓ d, p ∓ 2d… summing to 100 give d = |years·p − 100| / T with T = years·(years − 1)/2.
        // Multiplying every share by T keeps the weights exact decimals: weight(k) = p·T − k·(years·p − 100).
        // Checked on years·p (exact), not on p against 100/years (not a finite decimal for 3 years).
        var yearsTimesFirst = years * firstYearPercent;
        var inRange = years == 1
            ? firstYearPercent == 100m
            : shape == ScheduleShape.Tapering
                ? yearsTimesFirst is >= 100m and <= 200m
                : firstYearPercent >= 0m && yearsTimesFirst <= 100m;
        if (!inRange)
        {
            // Bounds shown to the cent of a percent, inside the range (33,34 %, not 33,33 %, for a 3-year taper).
            var flat = 100m / years;
            var steepest = Math.Min(100m, 200m / years);
            return Error.RuleBroken(
                "schedule.first_year_share_out_of_range",
                shape == ScheduleShape.Tapering
                    ? $"Pour un échéancier dégressif sur {years} an(s), la part de la première année est comprise entre {Percent(flat, up: true)} % et {Percent(steepest, up: false)} %."
                    : $"Pour un échéancier progressif sur {years} an(s), la part de la première année est comprise entre 0 % et {Percent(flat, up: false)} %.");
        }

        var triangle = years * (years - 1) / 2m;
        var step = yearsTimesFirst - 100m;
        var weights = new decimal[years];
        for (var k = 0; k < years; k++)
        {
            weights[k] = years == 1 ? 1m : (firstYearPercent * triangle) - (k * step);
        }

        return new YearlySplit(YearlySplitKind.LinearRule, shape, weights, firstYearPercent);
    }

    private static string Percent(decimal value, bool up) =>
        ((up ? decimal.Ceiling(value * 100m) : decimal.Floor(value * 100m)) / 100m).ToString("0.##", French);

    private static Error? CheckYears(int years) =>
        years is < MinYears or > MaxYears
            ? Error.RuleBroken("schedule.years_out_of_range", $"Une convention s'étend sur {MinYears} à {MaxYears} années budgétaires ({years} demandée(s)).")
            : null;
}
