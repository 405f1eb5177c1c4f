using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Reporting;
using static PtceFunding.Domain.Tests.Reporting.SignedAgreement;

namespace PtceFunding.Domain.Tests.Reporting;

public sealed class ReportTests
{
    private static readonly DateOnly Year1Opens = new(2029, 1, 1);
    private static readonly DateOnly Year1Due = new(2029, 6, 30);

    [Fact]
    public void An_agreement_owes_an_activity_and_a_financial_report_per_year_then_a_final_report()
    {
        var (_, reports, _) = Build();

        Assert.Equal(
            [
                (ReportKind.Activity, (int?)1, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), new DateOnly(2029, 6, 30)),
                (ReportKind.Financial, 1, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), new DateOnly(2029, 6, 30)),
                (ReportKind.Activity, 2, new DateOnly(2029, 1, 1), new DateOnly(2029, 12, 31), new DateOnly(2030, 6, 30)),
                (ReportKind.Financial, 2, new DateOnly(2029, 1, 1), new DateOnly(2029, 12, 31), new DateOnly(2030, 6, 30)),
                (ReportKind.Activity, 3, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), new DateOnly(2031, 6, 30)),
                (ReportKind.Financial, 3, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), new DateOnly(2031, 6, 30)),
                (ReportKind.Final, null, new DateOnly(2028, 1, 1), new DateOnly(2030, 12, 31), new DateOnly(2031, 6, 30)),
            ],
            reports.Select(r => (r.Kind, r.YearNumber, r.PeriodStart, r.PeriodEnd, r.DueOn)));
        Assert.All(reports, r => Assert.Equal(ReportState.Pending, r.State));
        Assert.All(reports, r => Assert.Equal(r.DueOn, r.OriginalDueOn));
        Assert.All(reports, r => Assert.Equal(r.PeriodEnd.AddDays(1), r.OpensOn));
    }

    [Fact]
    public void Activity_reports_carry_each_indicator_with_its_baseline_and_that_years_target()
    {
        var (_, reports, _) = Build();

        Assert.Equal([new("emplois", 3m, 5m), new("structures", 12m, 14m)], Find(reports, ReportKind.Activity, 1).Indicators);
        Assert.Equal([new("emplois", 3m, 8m), new("structures", 12m, 15m)], Find(reports, ReportKind.Activity, 2).Indicators);

        // Fewer targets than years: the last target stands for the later years; the final report aims at the last ones.
        Assert.Equal([new("emplois", 3m, 8m), new("structures", 12m, 15m)], Find(reports, ReportKind.Activity, 3).Indicators);
        Assert.Equal([new("emplois", 3m, 8m), new("structures", 12m, 15m)], Find(reports, ReportKind.Final, null).Indicators);
    }

    [Fact]
    public void Financial_reports_ask_for_the_approved_accounts_and_the_final_report_for_its_document_without_indicators_for_the_former()
    {
        var (_, reports, _) = Build();

        var financial = Find(reports, ReportKind.Financial, 1);
        Assert.Empty(financial.Indicators);
        Assert.Equal([Report.ApprovedAccounts], financial.RequiredAttachments);
        Assert.Empty(Find(reports, ReportKind.Activity, 1).RequiredAttachments);
        Assert.Equal([Report.FinalReportDocument], Find(reports, ReportKind.Final, null).RequiredAttachments);
    }

    [Fact]
    public void The_due_date_follows_the_agreements_setting()
    {
        var (decision, application, _, _) = Agreements.AcceptedDecision.Build(2);
        var agreement = Agreement.DraftFrom(
            AgreementId.New(), decision, application, Agreements.AcceptedDecision.EvenSplit(2), new AgreementSettings(StartDate: Start, ReportDueAfterMonths: 3), Guid.NewGuid(), SignedAt).Value;

        Assert.Equal(new DateOnly(2029, 3, 31), Report.For(agreement)[0].DueOn);
    }

    [Fact]
    public void Filing_opens_the_day_after_the_period()
    {
        var report = Find(Build().Reports, ReportKind.Activity, 1);

        var early = report.FillIndicators([new("emplois", 4m)], Year1Opens.AddDays(-1));

        Assert.Equal("report.not_open", early.Error?.Code);
        Assert.Equal(ReportStatus.Upcoming, report.StatusOn(Year1Opens.AddDays(-1)));
        Assert.False(report.Attach(Attachment(Report.ApprovedAccounts), Year1Opens.AddDays(-1)).IsSuccess);
        Assert.True(report.FillIndicators([new("emplois", 4m)], Year1Opens).IsSuccess);
        Assert.Equal(ReportStatus.Open, report.StatusOn(Year1Opens));
        Assert.Equal("report.not_open", report.Submit(Filer, At(Year1Opens.AddDays(-1))).Error?.Code);
    }

    [Fact]
    public void Unknown_or_repeated_indicators_are_refused()
    {
        var report = Find(Build().Reports, ReportKind.Activity, 1);

        Assert.Equal("validation", report.FillIndicators([new("chiffre-affaires", 4m)], Year1Opens).Error?.Code);
        Assert.Equal("validation", report.FillIndicators([new("emplois", 4m), new("emplois", 5m)], Year1Opens).Error?.Code);
        Assert.Empty(report.Values);
    }

    [Fact]
    public void Only_a_required_type_of_attachment_is_accepted_and_a_second_one_replaces_the_first()
    {
        var report = Find(Build().Reports, ReportKind.Financial, 1);
        var first = Attachment(Report.ApprovedAccounts, "comptes-v1.pdf");

        Assert.Equal("validation", report.Attach(Attachment("autre"), Year1Opens).Error?.Code);
        Assert.Null(report.Attach(first, Year1Opens).Value);
        var replaced = report.Attach(Attachment(Report.ApprovedAccounts, "comptes-v2.pdf"), Year1Opens);

        Assert.Equal(first, replaced.Value);
        Assert.Equal(["comptes-v2.pdf"], report.Attachments.Select(a => a.FileName));
    }

    [Fact]
    public void Submission_lists_every_missing_indicator_and_attachment_at_once()
    {
        var (_, reports, _) = Build();
        var final = Find(reports, ReportKind.Final, null);
        var opens = final.OpensOn;
        Assert.True(final.FillIndicators([new("structures", 15m)], opens).IsSuccess);

        var submitted = final.Submit(Filer, At(opens));

        Assert.Equal("report.incomplete", submitted.Error?.Code);
        Assert.Equal(["report.indicator_missing", "report.attachment_missing"], submitted.Error!.Failures.Select(f => f.Code));
        Assert.Contains("emplois", submitted.Error.Failures[0].Message, StringComparison.Ordinal);
        Assert.Equal(ReportState.Pending, final.State);
    }

    [Fact]
    public void A_complete_report_is_submitted_and_can_no_longer_be_edited()
    {
        var report = Find(Build().Reports, ReportKind.Activity, 1);

        FileCompletely(report, Year1Opens.AddDays(10));

        Assert.Equal(ReportState.Submitted, report.State);
        Assert.Equal(Filer, report.SubmittedBy);
        Assert.Equal(ReportStatus.Submitted, report.StatusOn(Year1Due.AddDays(30)));
        Assert.Equal("report.not_fileable", report.FillIndicators([new("emplois", 1m)], Year1Opens.AddDays(11)).Error?.Code);
        Assert.Equal("report.not_fileable", report.Submit(Filer, At(Year1Opens.AddDays(11))).Error?.Code);
    }

    [Fact]
    public void A_pending_report_is_overdue_the_day_after_its_due_date_and_may_still_be_filed()
    {
        var report = Find(Build().Reports, ReportKind.Activity, 1);

        Assert.False(report.IsOverdueOn(Year1Due));
        Assert.Equal(ReportStatus.Open, report.StatusOn(Year1Due));
        Assert.True(report.IsOverdueOn(Year1Due.AddDays(1)));
        Assert.Equal(ReportStatus.Overdue, report.StatusOn(Year1Due.AddDays(1)));

        FileCompletely(report, Year1Due.AddDays(3));
        Assert.False(report.IsOverdueOn(Year1Due.AddDays(3)));
    }

    [Fact]
    public void A_returned_report_gets_a_new_due_date_is_open_again_and_is_overdue_only_after_it()
    {
        var report = Find(Build().Reports, ReportKind.Activity, 1);
        FileCompletely(report, Year1Opens);
        var newDue = Year1Due.AddMonths(2);

        var returned = report.Return("  Détaillez les emplois créés.  ", newDue, Officer, At(Year1Due));

        Assert.True(returned.IsSuccess);
        Assert.Equal(ReportState.Returned, report.State);
        Assert.Equal(newDue, report.DueOn);
        Assert.Equal(Year1Due, report.OriginalDueOn);
        var review = Assert.Single(report.Reviews);
        Assert.Equal((ReportState.Returned, "Détaillez les emplois créés.", (DateOnly?)newDue, Officer), (review.Outcome, review.Comments, review.NewDueOn, review.ReviewedBy));
        Assert.Equal(ReportStatus.Returned, report.StatusOn(Year1Due.AddDays(1)));
        Assert.Equal(ReportStatus.Returned, report.StatusOn(newDue));
        Assert.Equal(ReportStatus.Overdue, report.StatusOn(newDue.AddDays(1)));
        Assert.True(report.FillIndicators([new("emplois", 6m), new("structures", 14m)], newDue).IsSuccess);
        Assert.True(report.Submit(Filer, At(newDue)).IsSuccess);
    }

    [Fact]
    public void A_return_needs_comments_and_a_due_date_after_today()
    {
        var report = Find(Build().Reports, ReportKind.Activity, 1);
        FileCompletely(report, Year1Opens);

        Assert.Equal("validation", report.Return(" ", Year1Due, Officer, At(Year1Opens)).Error?.Code);
        Assert.Equal("validation", report.Return("À reprendre", Year1Opens, Officer, At(Year1Opens)).Error?.Code);
        Assert.Equal(ReportState.Submitted, report.State);
    }

    [Fact]
    public void Only_a_submitted_report_is_returned_approved_or_rejected()
    {
        var report = Find(Build().Reports, ReportKind.Activity, 1);

        Assert.Equal("report.not_submitted", report.Approve(Officer, At(Year1Opens)).Error?.Code);
        Assert.Equal("report.not_submitted", report.Reject("Incomplet", Officer, At(Year1Opens)).Error?.Code);
        Assert.Equal("report.not_submitted", report.Return("À reprendre", Year1Due, Officer, At(Year1Opens)).Error?.Code);

        FileCompletely(report, Year1Opens);
        Assert.True(report.Approve(Officer, At(Year1Opens)).IsSuccess);
        Assert.Equal(ReportStatus.Approved, report.StatusOn(Year1Due.AddYears(1)));
        Assert.Equal("report.not_submitted", report.Approve(Officer, At(Year1Opens)).Error?.Code);
        Assert.Equal("report.not_submitted", report.Reject("Incomplet", Officer, At(Year1Opens)).Error?.Code);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_is_final()
    {
        var report = Find(Build().Reports, ReportKind.Activity, 1);
        FileCompletely(report, Year1Opens);

        Assert.Equal("validation", report.Reject("", Officer, At(Year1Opens)).Error?.Code);
        Assert.True(report.Reject("Dépenses non justifiées", Officer, At(Year1Opens)).IsSuccess);

        Assert.Equal(ReportStatus.Rejected, report.StatusOn(Year1Due.AddDays(1)));
        Assert.False(report.IsOverdueOn(Year1Due.AddDays(1)));
        Assert.Equal("report.not_fileable", report.FillIndicators([], Year1Opens).Error?.Code);
    }
}
