using PtceFunding.Application.Access;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// Actual against target over the years of an agreement, for whoever sees it: for each indicator of its objectives,
/// the baseline, and per agreement year the target and the actual value. Only <b>approved</b> activity reports count:
/// a value still under review (or returned for changes) is the consortium's word, not yet the figure the funders
/// stand by.
/// </summary>
[Allow(Audience.AgreementReaders)]
public sealed record GetIndicatorProgress(Guid AgreementId) : IQuery<Result<IReadOnlyList<IndicatorProgress>>>;

public sealed record IndicatorProgress(string Code, string Label, string Unit, decimal Baseline, IReadOnlyList<IndicatorYear> Years);

/// <summary>One agreement year of an indicator: its target (if any) and the actual value of the approved activity report (if any).</summary>
public sealed record IndicatorYear(int YearNumber, DateOnly Start, DateOnly End, decimal? Target, decimal? Actual);

internal sealed class GetIndicatorProgressHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetIndicatorProgress, Result<IReadOnlyList<IndicatorProgress>>>
{
    public async ValueTask<Result<IReadOnlyList<IndicatorProgress>>> Handle(GetIndicatorProgress request, CancellationToken cancellationToken)
    {
        var id = new AgreementId(request.AgreementId);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (agreement is null || !await db.Sees(user, agreement, cancellationToken).ConfigureAwait(false))
        {
            return AgreementAccess.NotFound;
        }

        var definitions = await IndicatorDefinitions.Of(db, agreement, cancellationToken).ConfigureAwait(false);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.AgreementId == id && r.Kind == ReportKind.Activity && r.State != ReportState.Waived)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Progress(agreement, reports, definitions);
    }

    internal static List<IndicatorProgress> Progress(Agreement agreement, IReadOnlyList<Report> activityReports, IReadOnlyDictionary<string, Domain.Calls.IndicatorDefinition> definitions) =>
        [.. agreement.Objectives.Select(objective =>
        {
            var definition = definitions.GetValueOrDefault(objective.IndicatorCode);
            return new IndicatorProgress(
                objective.IndicatorCode,
                definition?.Label ?? objective.IndicatorCode,
                definition?.Unit ?? "",
                objective.Baseline,
                [.. activityReports.OrderBy(r => r.YearNumber).Select(r => new IndicatorYear(
                    r.YearNumber!.Value,
                    r.PeriodStart,
                    r.PeriodEnd,
                    r.Indicators.FirstOrDefault(i => i.Code == objective.IndicatorCode)?.Target,
                    r.State == ReportState.Approved ? r.Values.FirstOrDefault(v => v.Code == objective.IndicatorCode)?.Value : null))]);
        })];
}
