using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Payments;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Reporting;
using PtceFunding.Infrastructure.Seeding;
using PtceFunding.IntegrationTests.Reminders;

namespace PtceFunding.IntegrationTests.Seeding;

/// <summary>The demo's agreements owe their reports, in every state a newcomer should see, and the first reminders sweep finds some to send.</summary>
public sealed class DemoReportsSeedTests(PtceApp app) : IClassFixture<PtceApp>
{
    private const string Cannery = "Conserverie coopérative du Pilat";

    [Fact]
    public async Task The_demo_agreements_owe_their_reports_in_every_state_and_an_overdue_one_holds_only_its_agreements_payments()
    {
        await Seed();
        var today = DateOnly.FromDateTime(app.Clock.Now.UtcDateTime);

        var agreements = await app.Db(db => db.Agreements.AsNoTracking().ToListAsync());
        var reports = await app.Db(db => db.Reports.AsNoTracking().ToListAsync());
        foreach (var agreement in agreements)
        {
            // As SignAgreement stores them: one per obligation of the agreement's terms.
            Assert.Equal(
                agreement.ReportingObligations.Select(o => $"{o.Kind} {o.YearNumber} {o.DueOn}"),
                reports.Where(r => r.AgreementId == agreement.Id).OrderBy(r => r.YearNumber ?? int.MaxValue).ThenBy(r => r.Kind).Select(r => $"{r.Kind} {r.YearNumber} {r.OriginalDueOn}"));
        }

        Assert.Equal(
            [ReportStatus.Upcoming, ReportStatus.Open, ReportStatus.Overdue, ReportStatus.Submitted, ReportStatus.Returned, ReportStatus.Approved, ReportStatus.Rejected],
            reports.Select(r => r.StatusOn(today)).Distinct().Order());

        var cannery = agreements.Single(a => a.Title == Cannery);
        var ofCannery = reports.Where(r => r.AgreementId == cannery.Id).ToList();
        var approvedActivity = ofCannery.Single(r => r is { Kind: ReportKind.Activity, YearNumber: 1 });
        Assert.Equal(ReportState.Approved, approvedActivity.State);
        Assert.Equal(approvedActivity.Indicators.Select(i => i.Code).Order(), approvedActivity.Values.Select(v => v.Code).Order());
        var approvedAccounts = Assert.Single(ofCannery.Single(r => r is { Kind: ReportKind.Financial, YearNumber: 1, State: ReportState.Approved }).Attachments);
        Assert.Equal(Report.ApprovedAccounts, approvedAccounts.Type);
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var stored = scope.ServiceProvider.GetRequiredService<IFileStore>().OpenRead(approvedAccounts.StorageKey))
        {
            var bytes = new byte[5];
            await stored.ReadExactlyAsync(bytes);
            Assert.Equal("%PDF-"u8.ToArray(), bytes);
            Assert.Equal(approvedAccounts.Size, stored.Length);
        }

        var returned = ofCannery.Single(r => r.State == ReportState.Returned);
        var review = Assert.Single(returned.Reviews);
        Assert.False(string.IsNullOrWhiteSpace(review.Comments));
        Assert.Equal(today.AddDays(5), returned.DueOn);
        Assert.NotEqual(returned.OriginalDueOn, returned.DueOn);
        Assert.False(string.IsNullOrWhiteSpace(ofCannery.Single(r => r.State == ReportState.Rejected).Reviews[^1].Comments));

        // The overdue report holds the cannery's payments, and only those.
        var held = await app.Db(db => db.WithOverdueReports([.. agreements.Select(a => a.Id)], today, default));
        Assert.Equal(cannery.Id, Assert.Single(held));
        Assert.True((await app.Db(db => db.Installments.AsNoTracking().SingleAsync(i => i.AgreementId == cannery.Id && i.Year == 1 && i.Kind == InstallmentKind.Balance))).IsReleased);
    }

    [Fact]
    public async Task The_first_reminders_sweep_on_the_demo_reminds_a_report_due_within_the_week_and_escalates_an_overdue_one()
    {
        await Seed();
        var figures = await app.Sweep(app.Clock.Now);

        Assert.True(figures.Reports > 0);
        const string Lead = "applicant@demo.ptce.fr";
        Assert.Contains(app.Subjects(Lead, "Rappel : compte rendu financier"), s => s.Contains("de l'année 3", StringComparison.Ordinal));
        Assert.Contains(app.Subjects(Lead, "Échéance dépassée : compte rendu financier"), s => s.Contains("de l'année 2", StringComparison.Ordinal));
        Assert.Equal(["Compte rendu en retard : convention « Conserverie coopérative du Pilat »"], app.Subjects("officer@demo.ptce.fr", "Compte rendu en retard"));

        // A second sweep the same day writes nothing new.
        Assert.Equal(0, (await app.Sweep(app.Clock.Now)).Written);
    }

    private async Task Seed()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().Seed();
    }
}
