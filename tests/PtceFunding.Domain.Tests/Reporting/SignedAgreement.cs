using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Tests.Agreements;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Reporting;

/// <summary>
/// An agreement signed on 1 December 2027, starting on 1 January 2028 for three calendar years, committing to two
/// indicators (jobs: baseline 3, targets 5 then 8; partner structures: baseline 12, targets 14 then 15 — the application ran over two years), with its
/// installments and the reports it owes.
/// </summary>
internal static class SignedAgreement
{
    public static readonly DateOnly Start = new(2028, 1, 1);
    public static readonly DateTimeOffset SignedAt = new(2027, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Officer = Guid.NewGuid();
    public static readonly Guid Filer = Guid.NewGuid();

    public static (Agreement Agreement, List<Report> Reports, List<Installment> Installments) Build(int durationYears = 3)
    {
        var (decision, application, _, _) = AcceptedDecision.Build(
            durationYears,
            [new IndicatorCommitment("emplois", 3m, [5m, 8m]), new IndicatorCommitment("structures", 12m, [14m, 15m])]);
        var funders = AcceptedDecision.EvenSplit(durationYears);
        var agreement = Agreement.DraftFrom(AgreementId.New(), decision, application, funders, new AgreementSettings(StartDate: Start), Guid.NewGuid(), SignedAt).Value;
        Succeeds(agreement.SignByFunder(CallBuilder.State, Guid.NewGuid(), SignedAt));
        Succeeds(agreement.SignByFunder(CallBuilder.Region, Guid.NewGuid(), SignedAt));
        Succeeds(agreement.SignByLeadMember(Guid.NewGuid(), SignedAt));
        return (agreement, [.. Report.For(agreement)], [.. PaymentSchedule.Plan(agreement, DateOnly.FromDateTime(SignedAt.UtcDateTime))]);
    }

    public static Report Find(IEnumerable<Report> reports, ReportKind kind, int? year) => reports.Single(r => r.Kind == kind && r.YearNumber == year);

    /// <summary>Fills every indicator and attaches every required document, then submits on <paramref name="on"/>.</summary>
    public static void FileCompletely(Report report, DateOnly on)
    {
        Succeeds(report.FillIndicators([.. report.Indicators.Select(i => new IndicatorValue(i.Code, (i.Target ?? 0) + 1))], on));
        foreach (var type in report.RequiredAttachments)
        {
            Succeeds(report.Attach(Attachment(type), on));
        }

        Succeeds(report.Submit(Filer, At(on)));
    }

    public static ReportAttachment Attachment(string type, string fileName = "piece.pdf") =>
        new(Guid.NewGuid(), type, fileName, "application/pdf", 1_024, new string('a', 64), $"reports/{Guid.NewGuid()}", Filer, SignedAt.UtcDateTime);

    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    public static void Succeeds(Result result) => Assert.True(result.IsSuccess, result.Error?.Code);

    public static void Succeeds<T>(Result<T> result) => Assert.True(result.IsSuccess, result.Error?.Code);
}
