using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Tests.Agreements;
using PtceFunding.Domain.Tests.Builders;
using static PtceFunding.Domain.Tests.Reporting.SignedAgreement;

namespace PtceFunding.Domain.Tests.Reporting;

public sealed class ReportingRulesTests
{
    private static readonly DateOnly Year1Opens = new(2029, 1, 1);
    private static readonly DateTimeOffset Now = At(new DateOnly(2029, 3, 1));

    [Fact]
    public void A_years_balance_is_released_only_once_both_reports_of_the_year_are_approved()
    {
        var (_, reports, installments) = Build();
        var activity = Find(reports, ReportKind.Activity, 1);
        var financial = Find(reports, ReportKind.Financial, 1);
        FileCompletely(activity, Year1Opens);
        FileCompletely(financial, Year1Opens);
        Assert.True(activity.Approve(Officer, Now).IsSuccess);

        Assert.Empty(ReportingRules.ReleaseApproved(reports, installments, Now));
        Assert.DoesNotContain(installments, i => i.Kind == InstallmentKind.Balance && i.IsReleased);

        Assert.True(financial.Approve(Officer, Now).IsSuccess);
        var released = ReportingRules.ReleaseApproved(reports, installments, Now);

        Assert.Equal([(CallBuilder.State, 1), (CallBuilder.Region, 1)], released.Select(i => (i.FunderId, i.Year)).OrderBy(x => x.Item1 == CallBuilder.Region));
        Assert.All(released, i => Assert.Equal(InstallmentKind.Balance, i.Kind));
        Assert.All(released, i => Assert.Equal("Comptes rendus de l'année 1 approuvés", i.ReleasedBy));
        Assert.Equal(InstallmentStatus.Due, released[0].StatusOn(Year1Opens.AddMonths(2), held: false));
        Assert.DoesNotContain(installments, i => i is { Kind: InstallmentKind.Balance, Year: > 1 } && i.IsReleased);
    }

    [Fact]
    public void Releasing_again_releases_nothing_more()
    {
        var (_, reports, installments) = Build();
        foreach (var report in reports.Where(r => r.YearNumber == 1))
        {
            FileCompletely(report, Year1Opens);
            Assert.True(report.Approve(Officer, Now).IsSuccess);
        }

        Assert.Equal(2, ReportingRules.ReleaseApproved(reports, installments, Now).Count);
        Assert.Empty(ReportingRules.ReleaseApproved(reports, installments, Now.AddDays(1)));
    }

    [Fact]
    public void A_rejected_report_keeps_its_years_balance_blocked()
    {
        var (_, reports, installments) = Build();
        var activity = Find(reports, ReportKind.Activity, 1);
        var financial = Find(reports, ReportKind.Financial, 1);
        FileCompletely(activity, Year1Opens);
        FileCompletely(financial, Year1Opens);
        Assert.True(activity.Approve(Officer, Now).IsSuccess);
        Assert.True(financial.Reject("Comptes non certifiés", Officer, Now).IsSuccess);

        Assert.Empty(ReportingRules.ReleaseApproved(reports, installments, Now));
        var balance = installments.Single(i => i is { Year: 1, Kind: InstallmentKind.Balance } && i.FunderId == CallBuilder.State);
        Assert.Equal(InstallmentStatus.Blocked, balance.StatusOn(Year1Opens.AddMonths(2), held: false));
    }

    [Fact]
    public void An_overdue_report_holds_the_agreements_payments_until_it_is_submitted()
    {
        var (agreement, reports, _) = Build();
        var due = Find(reports, ReportKind.Activity, 1).DueOn;

        Assert.False(ReportingRules.PaymentsHeld(agreement, reports, due));
        Assert.True(ReportingRules.PaymentsHeld(agreement, reports, due.AddDays(1)));

        foreach (var report in reports.Where(r => r.YearNumber == 1))
        {
            FileCompletely(report, due.AddDays(1));
        }

        Assert.False(ReportingRules.PaymentsHeld(agreement, reports, due.AddDays(1)));
    }

    [Fact]
    public void An_extension_adds_the_reports_of_the_new_year_and_moves_the_final_report()
    {
        var (agreement, reports, _) = Build();
        var final = Find(reports, ReportKind.Final, null);
        Assert.True(agreement.Amend(AmendmentKind.ExtendDuration, new AmendmentRequest(AcceptedDecision.EvenSplit(4), 4), new DateOnly(2029, 1, 1), "Prolongation", Now).IsSuccess);

        var added = ReportingRules.Align(agreement, reports, Officer, Now);

        Assert.Equal([(ReportKind.Activity, (int?)4), (ReportKind.Financial, 4)], added.Select(r => (r.Kind, r.YearNumber)));
        Assert.All(added, r => Assert.Equal((new DateOnly(2031, 1, 1), new DateOnly(2031, 12, 31), new DateOnly(2032, 6, 30)), (r.PeriodStart, r.PeriodEnd, r.DueOn)));
        Assert.Equal([new("emplois", 3m, 8m), new("structures", 12m, 15m)], added[0].Indicators);
        Assert.Equal((new DateOnly(2031, 12, 31), new DateOnly(2032, 6, 30), new DateOnly(2032, 6, 30)), (final.PeriodEnd, final.DueOn, final.OriginalDueOn));
        Assert.Equal(7, reports.Count(r => r.State == ReportState.Pending));
    }

    [Fact]
    public void A_termination_waives_the_reports_of_the_years_after_it_and_ends_the_final_report_on_its_date()
    {
        var (agreement, reports, _) = Build();
        var effectiveOn = new DateOnly(2029, 6, 30);
        Assert.True(agreement.Terminate("Dissolution du consortium", effectiveOn).IsSuccess);

        var added = ReportingRules.Align(agreement, reports, Officer, Now);

        Assert.Empty(added);
        Assert.Equal(
            [(ReportKind.Activity, (int?)3), (ReportKind.Financial, 3)],
            reports.Where(r => r.State == ReportState.Waived).Select(r => (r.Kind, r.YearNumber)));
        Assert.All(reports.Where(r => r.State == ReportState.Waived), r => Assert.Equal(ReportStatus.Waived, r.StatusOn(new DateOnly(2032, 1, 1))));
        Assert.Contains("résiliée au 30/06/2029", reports.First(r => r.State == ReportState.Waived).Reviews.Single().Comments, StringComparison.Ordinal);
        var final = Find(reports, ReportKind.Final, null);
        Assert.Equal((effectiveOn, new DateOnly(2029, 12, 31)), (final.PeriodEnd, final.DueOn));
        Assert.Equal(new DateOnly(2030, 6, 30), Find(reports, ReportKind.Activity, 2).DueOn);
        Assert.DoesNotContain(reports, r => r.State == ReportState.Waived && r.IsOverdueOn(new DateOnly(2032, 1, 1)));
    }

    [Fact]
    public void A_report_already_submitted_keeps_its_period_when_the_agreement_is_terminated()
    {
        var (agreement, reports, _) = Build();
        var activity = Find(reports, ReportKind.Activity, 1);
        FileCompletely(activity, Year1Opens);
        Assert.True(agreement.Terminate("Dissolution du consortium", new DateOnly(2028, 6, 30)).IsSuccess);

        ReportingRules.Align(agreement, reports, Officer, Now);

        Assert.Equal(ReportState.Submitted, activity.State);
        Assert.Equal(new DateOnly(2028, 12, 31), activity.PeriodEnd);
        Assert.Equal(ReportState.Pending, Find(reports, ReportKind.Financial, 1).State);
        Assert.Equal(3, reports.Count(r => r.State is ReportState.Pending or ReportState.Submitted));
    }
}
