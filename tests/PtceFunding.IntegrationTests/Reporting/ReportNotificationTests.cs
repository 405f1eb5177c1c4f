using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Notifications;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Notifications;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Reporting;

/// <summary>The funders' staff hear of reports: officers when one is submitted, finance officers when an approval releases a balance.</summary>
public sealed class ReportNotificationTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    private const string Title = "Pôle coopératif du Rhône";

    [Fact]
    public async Task Submitting_a_report_notifies_the_officers_of_every_funder_party_by_email_and_in_the_platform_and_again_after_a_return()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 20_000m);
        var reports = new Reports(app, agreement);
        var stateOfficer = await app.AddUser(Roles.ProgramOfficer, agreement.Committee.Consortium.State);
        var regionOfficer = await app.AddUser(Roles.ProgramOfficer, agreement.Committee.Consortium.Region);
        var outsider = await app.AddUser(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        var stateFinance = await app.AddUser(Roles.FinanceOfficer, agreement.Committee.Consortium.State);
        app.Clock.Now = Reports.Year1Filing;
        var lead = await reports.Lead();

        (await Reports.FillIndicators(lead, await reports.Of(ReportKind.Activity, 1), 7m)).EnsureSuccessStatusCode();
        (await reports.Submit(lead, ReportKind.Activity, 1)).EnsureSuccessStatusCode();
        await app.DeliverNotifications();

        var activity = await reports.Of(ReportKind.Activity, 1);
        foreach (var officer in new[] { stateOfficer, regionOfficer })
        {
            var mail = Assert.Single(app.Mail.To(officer), m => m.Subject == $"Compte rendu déposé : {Title}");
            Assert.Contains("compte rendu d'activité — année 1", mail.Text, StringComparison.Ordinal);
            Assert.Contains($"/Conventions/CompteRendu?id={activity.Id}", mail.Text, StringComparison.Ordinal);
            var inApp = await app.Db(db => db.Notifications.AsNoTracking()
                .SingleAsync(n => n.RecipientEmail == officer && n.Template == nameof(Notices.ReportSubmitted)));
            Assert.True(inApp.Channels.HasFlag(NotificationChannels.InApp));
        }

        Assert.Empty(app.Mail.To(outsider));
        Assert.DoesNotContain(app.Mail.To(stateFinance), m => m.Subject.StartsWith("Compte rendu déposé", StringComparison.Ordinal));

        // Returned for changes, then submitted again: the officers are told once more.
        (await reports.Return(await agreement.Committee.Officer(), ReportKind.Activity, 1, "Précisez la nature des emplois créés.", new DateOnly(2028, 3, 31))).EnsureSuccessStatusCode();
        (await Reports.FillIndicators(lead, await reports.Of(ReportKind.Activity, 1), 8m)).EnsureSuccessStatusCode();
        (await reports.Submit(lead, ReportKind.Activity, 1)).EnsureSuccessStatusCode();
        await app.DeliverNotifications();

        Assert.Equal(2, app.Mail.To(stateOfficer).Count(m => m.Subject == $"Compte rendu déposé : {Title}"));
        Assert.Equal(2, app.Mail.To(regionOfficer).Count(m => m.Subject == $"Compte rendu déposé : {Title}"));
    }

    [Fact]
    public async Task Approving_the_last_report_of_a_year_tells_each_funders_finance_officers_of_their_released_balance()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 20_000m);
        var reports = new Reports(app, agreement);
        var stateFinance = await app.AddUser(Roles.FinanceOfficer, agreement.Committee.Consortium.State);
        var regionFinance = await app.AddUser(Roles.FinanceOfficer, agreement.Committee.Consortium.Region);
        var otherFinance = await app.AddUser(Roles.FinanceOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        app.Clock.Now = Reports.Year1Filing;
        var officer = await agreement.Committee.Officer();
        await reports.FileYear(1);

        (await reports.Approve(officer, ReportKind.Activity, 1)).EnsureSuccessStatusCode();
        await app.DeliverNotifications();
        Assert.Empty(app.Mail.To(stateFinance));

        (await reports.Approve(officer, ReportKind.Financial, 1)).EnsureSuccessStatusCode();
        await app.DeliverNotifications();

        foreach (var (email, funder) in new[] { (stateFinance, agreement.State), (regionFinance, agreement.Region) })
        {
            var balance = await agreement.Installment(funder, 1, InstallmentKind.Balance);
            Assert.True(balance.IsReleased);
            var mail = Assert.Single(app.Mail.To(email));
            Assert.Equal($"Solde débloqué : convention « {Title} »", mail.Subject);
            Assert.Contains($"le solde de {Normalized(Money.Format(balance.OwedAmount))}", Normalized(mail.Text), StringComparison.Ordinal);
            Assert.Contains($"/Finances/Convention?id={agreement.Id}", mail.Text, StringComparison.Ordinal);
            Assert.True(await app.Db(db => db.Notifications.AnyAsync(n => n.RecipientEmail == email && n.Template == nameof(Notices.BalanceReleased)
                && (n.Channels & NotificationChannels.InApp) != 0)));
        }

        Assert.Empty(app.Mail.To(otherFinance));
    }

    private static string Normalized(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');
}
