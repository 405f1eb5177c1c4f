using System.Globalization;
using System.Net;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;
using PtceFunding.IntegrationTests.Documents;

namespace PtceFunding.IntegrationTests.Reporting;

/// <summary>The report page: the consortium files, the officer reviews; the agreement page lists the reports and the indicators.</summary>
public sealed class ReportPagesTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task The_consortium_files_both_reports_of_a_year_from_the_page_and_the_officer_approves_them_releasing_the_balance()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = Reports.Year1Filing;
        var activity = await reports.Of(ReportKind.Activity, 1);
        var financial = await reports.Of(ReportKind.Financial, 1);
        var lead = await Browser(agreement.Committee.LeadEmail);
        var activityPage = $"/Conventions/CompteRendu?id={activity.Id}";
        var financialPage = $"/Conventions/CompteRendu?id={financial.Id}";

        var form = Text(await lead.Get(activityPage));
        Assert.Contains("Valeur de départ : 4 — cible pour la période : 5", form, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"indicators-form\"", form, StringComparison.Ordinal);
        var notANumber = Text(await (await lead.Post(activityPage + "&handler=Indicators", Fields(activity.Version, ("Values[emplois]", "beaucoup")))).Content.ReadAsStringAsync());
        Assert.Contains("n'est pas un nombre", notANumber, StringComparison.Ordinal);
        var saved = Text(await (await lead.Post(activityPage + "&handler=Indicators", Fields(activity.Version, ("Values[emplois]", "7,5")))).Content.ReadAsStringAsync());
        Assert.Contains("Les valeurs des indicateurs sont enregistrées.", saved, StringComparison.Ordinal);
        Assert.Equal(7.5m, Assert.Single((await reports.Of(ReportKind.Activity, 1)).Values).Value);
        var submitted = Text(await (await lead.Post(activityPage + "&handler=Submit", Fields((await reports.Of(ReportKind.Activity, 1)).Version))).Content.ReadAsStringAsync());
        Assert.Contains("Le compte rendu est déposé", submitted, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"indicators-form\"", submitted, StringComparison.Ordinal);
        Assert.Contains("7,5", submitted, StringComparison.Ordinal);

        var missing = Text(await (await lead.Post(financialPage + "&handler=Submit", Fields(financial.Version))).Content.ReadAsStringAsync());
        Assert.Contains("La pièce « comptes approuvés » manque.", missing, StringComparison.Ordinal);
        var attached = Text(await (await lead.PostWithFile(financialPage + "&handler=Attachment", new Dictionary<string, string> { ["type"] = Report.ApprovedAccounts }, "file", "comptes-2027.pdf", Uploads.Pdf())).Content.ReadAsStringAsync());
        Assert.Contains("La pièce « comptes-2027.pdf » est jointe.", attached, StringComparison.Ordinal);
        (await lead.Post(financialPage + "&handler=Submit", Fields((await reports.Of(ReportKind.Financial, 1)).Version))).EnsureSuccessStatusCode();
        Assert.Equal(ReportState.Submitted, (await reports.Of(ReportKind.Financial, 1)).State);

        var officer = await Browser(await app.AddUser(Roles.ProgramOfficer, agreement.Committee.Consortium.State));
        Assert.Contains("data-testid=\"review-forms\"", await officer.Get(activityPage), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"review-forms\"", await lead.Get(activityPage), StringComparison.Ordinal);
        var noDate = Text(await (await officer.Post(activityPage + "&handler=Return", Fields((await reports.Of(ReportKind.Activity, 1)).Version, ("comments", "À préciser")))).Content.ReadAsStringAsync());
        Assert.Contains("Indiquez la nouvelle échéance.", noDate, StringComparison.Ordinal);
        (await officer.Post(activityPage + "&handler=Approve", Fields((await reports.Of(ReportKind.Activity, 1)).Version))).EnsureSuccessStatusCode();
        var approved = Text(await (await officer.Post(financialPage + "&handler=Approve", Fields((await reports.Of(ReportKind.Financial, 1)).Version))).Content.ReadAsStringAsync());

        Assert.Contains("le solde de 20 000,00 € est débloqué", approved, StringComparison.Ordinal);
        Assert.True((await agreement.Installment(agreement.State, 1, InstallmentKind.Balance)).IsReleased);
        var agreementPage = Text(await lead.Get($"/Conventions/Convention?id={agreement.Id}"));
        Assert.Contains($"/Conventions/CompteRendu?id={activity.Id}", agreementPage, StringComparison.Ordinal);
        Assert.Equal(2, Count(agreementPage, ">Approuvé</span>"));
        Assert.Contains("data-testid=\"chart-emplois\"", agreementPage, StringComparison.Ordinal);
        Assert.Contains("<td>7,5</td>", agreementPage, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", agreementPage[agreementPage.IndexOf("<svg", StringComparison.Ordinal)..agreementPage.IndexOf("</svg>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_returns_a_report_with_comments_and_a_new_due_date_the_consortium_reads_them_and_another_consortium_gets_not_found()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var reports = new Reports(app, agreement);
        app.Clock.Now = Reports.Year1Filing;
        await reports.FileYear(1);
        var activity = await reports.Of(ReportKind.Activity, 1);
        var page = $"/Conventions/CompteRendu?id={activity.Id}";
        var officer = await Browser(await app.AddUser(Roles.ProgramOfficer, agreement.Committee.Consortium.State));

        var returned = Text(await (await officer.Post(page + "&handler=Return", Fields(activity.Version, ("comments", "Détaillez les emplois créés."), ("newDueOn", "2028-09-30")))).Content.ReadAsStringAsync());

        Assert.Contains("à déposer de nouveau au plus tard le 30/09/2028", returned, StringComparison.Ordinal);
        var lead = Text(await (await Browser(agreement.Committee.LeadEmail)).Get(page));
        Assert.Contains("Détaillez les emplois créés.", lead, StringComparison.Ordinal);
        Assert.Contains("échéance initiale : 30/06/2028", lead, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"indicators-form\"", lead, StringComparison.Ordinal);
        var (otherEmail, _) = await agreement.Committee.Consortium.VerifiedUserOf(await agreement.Committee.Consortium.Organisation("SCIC Autre Consortium"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await Browser(otherEmail)).GetResponse(page)).StatusCode);
    }

    private async Task<CookieBrowser> Browser(string email)
    {
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        return browser;
    }

    private static Dictionary<string, string> Fields(int version, params (string Name, string Value)[] fields) =>
        new[] { ("expectedVersion", version.ToString(CultureInfo.InvariantCulture)) }.Concat(fields).ToDictionary(f => f.Item1, f => f.Item2);

    private static string Text(string html) => WebUtility.HtmlDecode(html).Replace('\u202f', ' ').Replace('\u00a0', ' ');

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
