using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Users;
using PtceFunding.Infrastructure.Jobs;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;
using static PtceFunding.IntegrationTests.Reminders.ReminderSweeps;

namespace PtceFunding.IntegrationTests.Reminders;

/// <summary>The pages of the reminders: the sweep's figures on the jobs page, and my calendar subscription.</summary>
public sealed partial class ReminderPagesTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task The_jobs_page_shows_the_figures_of_the_last_reminders_sweep_once_it_has_run()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 40_000m, region: 0m);
        // Seven days before the year-1 reports are due (30/06/2028): the sweep reminds the lead member of both.
        app.Clock.Now = On(2028, 6, 23);
        var email = await app.AddUser(Roles.Administrator);
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        Assert.Contains("Jamais exécutée", SweepRow(await browser.Get("/Admin/Jobs")), StringComparison.Ordinal);

        await RunJob(RecurringJobs.SweepReminders);

        var row = SweepRow(await browser.Get("/Admin/Jobs"));
        var figures = Figures().Match(row);
        Assert.True(figures.Success, row);
        var today = new DateOnly(2028, 6, 23);
        var (reports, payments, reminders) = await app.Db(async db => (
            await db.Reports.CountAsync(r => r.AgreementId == new AgreementId(agreement.Id) && r.DueOn <= today.AddDays(30)),
            await db.Installments.CountAsync(i => i.State == InstallmentState.Planned && i.DueFrom <= today && (i.Condition == ReleaseCondition.None || i.ReleasedAt != null)),
            await db.Notifications.CountAsync(n => n.DeduplicationKey.StartsWith("reminder:"))));
        Assert.Equal(2, reports);
        Assert.Equal(
            [reports + payments, reports, 0, 0, 0, payments, reminders],
            figures.Groups.Values.Skip(1).Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(reminders >= 2, $"{reminders} reminders written");
        Assert.Contains($"Réussie — nœud {Application.ClusterNode.Name}", row, StringComparison.Ordinal);
        Assert.Contains("23/06/2028 à 09:00", row, StringComparison.Ordinal); // 07:00 UTC, in Paris time
    }

    [Fact]
    public async Task On_my_calendar_page_the_address_is_shown_once_regenerating_retires_it_and_revoking_turns_it_off()
    {
        var email = await app.AddUser(Roles.ProgramOfficer, await app.AddFunder());
        var browser = new CookieBrowser(app);
        var home = await browser.Login(email, PtceApp.Password);
        var anonymous = app.CreateClient();
        Assert.Contains("href=\"/Calendrier\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Calendrier\"", await anonymous.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Vous n'avez pas d'adresse d'abonnement.", await browser.Get("/Calendrier"), StringComparison.Ordinal);

        var created = await Body(await browser.Post("/Calendrier?handler=Create", new Dictionary<string, string>()));
        var first = ShownAddress(created);
        var shownAgain = await browser.Get("/Calendrier");

        Assert.StartsWith("https://ptce.test/calendar/", first, StringComparison.Ordinal);
        Assert.Contains("Une adresse d'abonnement est active depuis le", created, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"calendar-url\"", shownAgain, StringComparison.Ordinal);
        Assert.DoesNotContain(new Uri(first).AbsolutePath, shownAgain, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Mon calendrier</a>", shownAgain, StringComparison.Ordinal);
        var feed = await anonymous.GetAsync(new Uri(first).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);

        var second = ShownAddress(await Body(await browser.Post("/Calendrier?handler=Create", new Dictionary<string, string>())));

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(first).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(second).PathAndQuery)).StatusCode);

        var revoked = await Body(await browser.Post("/Calendrier?handler=Revoke", new Dictionary<string, string>()));

        Assert.Contains("L'adresse d'abonnement est révoquée : elle ne répond plus.", revoked, StringComparison.Ordinal);
        Assert.Contains("Vous n'avez pas d'adresse d'abonnement.", revoked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(second).PathAndQuery)).StatusCode);
    }

    /// <summary>
    /// Runs the recurring job once on this node as Hangfire runs it: the runner, resolved in a scope of its own, which
    /// records the run and its figures in JobRuns (this test application processes no jobs).
    /// </summary>
    private async Task RunJob(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobRunner>().Run(name, JobTrigger.Schedule, null, CancellationToken.None);
    }

    private static string SweepRow(string html)
    {
        var page = WebUtility.HtmlDecode(html);
        var start = page.IndexOf($"data-job=\"{RecurringJobs.SweepReminders}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the reminders sweep is listed");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static string ShownAddress(string page)
    {
        var match = Address().Match(page);
        Assert.True(match.Success, "the new address is shown");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static async Task<string> Body(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("""data-testid="reminder-figures">(\d+) obligation\(s\) en cours examinée\(s\) \(comptes rendus (\d+), brouillons (\d+), avis d'expert (\d+), corrections (\d+), paiements (\d+)\) ; (\d+) relance\(s\) écrite\(s\)\.</span>""")]
    private static partial Regex Figures();

    [GeneratedRegex("""value="([^"]+)" data-testid="calendar-url" """)]
    private static partial Regex Address();
}
