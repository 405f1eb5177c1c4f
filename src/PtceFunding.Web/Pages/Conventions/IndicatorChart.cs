using System.Globalization;
using PtceFunding.Application.Reporting;

namespace PtceFunding.Web.Pages.Conventions;

/// <summary>
/// The geometry of a small server-rendered bar chart of an indicator: per agreement year a target bar and an actual
/// bar, scaled to the largest value (attributes only: the strict CSP forbids style attributes).
/// </summary>
public sealed record IndicatorChart(IReadOnlyList<IndicatorChart.Bar> Bars, int Width, int Height)
{
    public const int BarWidth = 18;
    public const int PlotHeight = 100;
    public const int Top = 10;

    public sealed record Bar(int YearNumber, bool IsActual, decimal Value, int X, int Y, int BarHeight);

    public static IndicatorChart Of(IndicatorProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var max = progress.Years.SelectMany(y => new[] { y.Target ?? 0m, y.Actual ?? 0m }).Append(progress.Baseline).Max();
        var bars = new List<Bar>();
        var x = 10;
        foreach (var year in progress.Years)
        {
            bars.Add(Make(year.YearNumber, false, year.Target, x, max));
            bars.Add(Make(year.YearNumber, true, year.Actual, x + BarWidth + 2, max));
            x += (2 * BarWidth) + 20;
        }

        return new IndicatorChart(bars, x, PlotHeight + Top + 20);
    }

    /// <summary>The "A1", "A2"… label under a year's pair of bars, as SVG markup (numbers only, nothing to encode).</summary>
    public static string YearLabel(Bar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"<text x=\"{bar.X + BarWidth}\" y=\"{Top + PlotHeight + 15}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#3a3a3a\">A{bar.YearNumber}</text>");
    }

    public static string Coordinate(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Bar Make(int year, bool actual, decimal? value, int x, decimal max)
    {
        var height = max <= 0 || value is not { } v ? 0 : (int)Math.Round(v / max * PlotHeight, MidpointRounding.AwayFromZero);
        return new Bar(year, actual, value ?? 0m, x, Top + PlotHeight - height, height);
    }
}
