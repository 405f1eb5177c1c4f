using System.Globalization;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Finance;
using PtceFunding.Application.Funders;

namespace PtceFunding.Web.Pages.Finances;

/// <summary>
/// The finance dashboard: totals, committed and paid per funder and budget year (with a bar chart drawn as SVG on the
/// server: no script, no inline style), per call, per region, the 24-month forecast, each with its CSV export, and the
/// agreements. Finance staff see their funder; national staff and platform administrators every funder, or one.
/// </summary>
public sealed class IndexModel(ISender sender, ICurrentUser user) : PageModel
{
    /// <summary>The chart's drawing area, in SVG user units.</summary>
    public const int ChartHeight = 160;

    public const int ChartTop = 10;

    public const int BarWidth = 24;

    public const int YearWidth = 80;

    public const int ChartLeft = 10;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [BindProperty(SupportsGet = true)]
    public Guid? FunderId { get; set; }

    public bool SeesAllFunders => user.Territory.IsNational;

    public IReadOnlyList<FunderSummary> Funders { get; private set; } = [];

    public FundingByFunderAndYear? ByFunderAndYear { get; private set; }

    public FundingByCall? ByCall { get; private set; }

    public FundingByRegion? ByRegion { get; private set; }

    public IReadOnlyList<AgreementFinance> Agreements { get; private set; } = [];

    public PaymentForecast? Forecast { get; private set; }

    /// <summary>Committed and paid per budget year across the funders shown, with the bars' heights in SVG units.</summary>
    public IReadOnlyList<ChartYear> Chart { get; private set; } = [];

    public Error? Problem { get; private set; }

    public int ChartWidth => (ChartLeft * 2) + (Math.Max(Chart.Count, 1) * YearWidth);

    public async Task OnGet(CancellationToken cancellationToken)
    {
        if (!SeesAllFunders)
        {
            FunderId = null;
        }
        else if ((await sender.Send(new ListFunders(), cancellationToken)) is { IsSuccess: true } funders)
        {
            Funders = funders.Value;
        }

        var byFunderAndYear = await sender.Send(new GetFundingByFunderAndYear(FunderId), cancellationToken);
        if (!byFunderAndYear.IsSuccess)
        {
            Problem = byFunderAndYear.Error;
            return;
        }

        ByFunderAndYear = byFunderAndYear.Value;
        ByCall = (await sender.Send(new GetFundingByCall(FunderId), cancellationToken)).Value;
        ByRegion = (await sender.Send(new GetFundingByRegion(FunderId), cancellationToken)).Value;
        Agreements = (await sender.Send(new ListAgreementFinances(FunderId), cancellationToken)).Value;
        Forecast = (await sender.Send(new GetPaymentForecast(FunderId), cancellationToken)).Value;

        var years = ByFunderAndYear.Rows.GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g => (Year: g.Key, Committed: g.Sum(r => r.Committed), Paid: g.Sum(r => r.Paid)))
            .ToList();
        var top = years.Select(y => Math.Max(y.Committed, y.Paid)).DefaultIfEmpty(0m).Max();
        Chart = [.. years.Select(y => new ChartYear(y.Year, y.Committed, y.Paid, Height(y.Committed, top), Height(y.Paid, top)))];
    }

    /// <summary>A query string narrowing an export to the funder chosen, if any.</summary>
    public string Filter => FunderId is { } id ? $"?funderId={id}" : "";


    /// <summary>Bars are whole SVG units, so that no culture-dependent decimal ends up in an attribute.</summary>
    private static int Height(decimal amount, decimal top) => top <= 0 || amount <= 0 ? 0 : Math.Max(1, (int)Math.Round(amount / top * ChartHeight, MidpointRounding.AwayFromZero));
}

/// <summary>One year of the chart: amounts, and bar heights out of <see cref="IndexModel.ChartHeight"/>.</summary>
public sealed record ChartYear(int Year, decimal Committed, decimal Paid, int CommittedHeight, int PaidHeight);
