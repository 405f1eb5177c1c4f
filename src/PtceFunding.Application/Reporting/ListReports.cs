using PtceFunding.Application.Access;

namespace PtceFunding.Application.Reporting;

/// <summary>The reports an agreement owes, with their status of the day, for whoever sees the agreement; by period then kind.</summary>
[Allow(Audience.AgreementReaders)]
public sealed record ListReports(Guid AgreementId) : IQuery<Result<IReadOnlyList<ReportSummary>>>;

public sealed record ReportSummary(
    Guid Id,
    ReportKind Kind,
    string KindLabel,
    int? YearNumber,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly OpensOn,
    DateOnly DueOn,
    ReportStatus Status,
    string StatusLabel,
    string StatusBadge,
    DateTime? SubmittedAt);

internal sealed class ListReportsHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListReports, Result<IReadOnlyList<ReportSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<ReportSummary>>> Handle(ListReports request, CancellationToken cancellationToken)
    {
        var id = new AgreementId(request.AgreementId);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (agreement is null || !await db.Sees(user, agreement, cancellationToken).ConfigureAwait(false))
        {
            return AgreementAccess.NotFound;
        }

        var today = clock.Today();
        var reports = await db.Reports.AsNoTracking().Where(r => r.AgreementId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return reports
            .OrderBy(r => r.YearNumber is null).ThenBy(r => r.YearNumber).ThenBy(r => r.Kind)
            .Select(r => Summary(r, today))
            .ToList();
    }

    internal static ReportSummary Summary(Report report, DateOnly today)
    {
        var status = report.StatusOn(today);
        return new ReportSummary(
            report.Id.Value,
            report.Kind,
            Report.KindLabel(report.Kind),
            report.YearNumber,
            report.PeriodStart,
            report.PeriodEnd,
            report.OpensOn,
            report.DueOn,
            status,
            ReportText.StatusLabel(status),
            ReportText.StatusBadge(status),
            report.SubmittedAt);
    }
}
