using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class JobAdministrationTests : IClassFixture<Chromium>
{
    private readonly PtceSite _site;
    private readonly IWebDriver _browser;

    public JobAdministrationTests(PtceSite site, Chromium chromium)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        _site = site;
        _browser = chromium.Fresh();
    }

    [Fact]
    public void The_platform_administrator_opens_the_scheduled_jobs_and_runs_one_now()
    {
        _browser.SignIn(_site, "admin@demo.ptce.fr");
        _browser.FindElement(By.LinkText("Tâches planifiées")).Click();
        Chromium.WaitUntil(_browser, b => b.PathAndQuery() == "/Admin/Jobs", "the scheduled jobs page");

        Assert.Equal("Tâches planifiées", _browser.Text("main h1"));
        // PtceSite drains the outbox every second so that e-mails arrive quickly in the browser tests.
        Assert.Contains("toutes les secondes", Row("DeliverNotifications").Text, StringComparison.Ordinal);
        Assert.Contains("toutes les minutes", Row("Heartbeat").Text, StringComparison.Ordinal);
        Assert.Contains("Active", Row("Heartbeat").Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("File des notifications", _browser.Text("main h2"));
        Accessibility.AssertNoSeriousViolations(_browser);

        // The site's scheduler runs (in memory, on the embedded default): the run asked for happens.
        var lastRun = LastRun("Heartbeat");
        Row("Heartbeat").FindElement(By.XPath(".//button[starts-with(normalize-space(.), 'Exécuter maintenant')]")).Click();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.CssSelector("[data-testid=notice]")).Count > 0, "the confirmation of the run");

        Assert.Contains("L'exécution de la tâche « Heartbeat » est demandée", _browser.Text("[data-testid=notice]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);
        Chromium.WaitUntil(_browser, b =>
        {
            b.Navigate().Refresh();
            return LastRun("Heartbeat") != lastRun && LastRun("Heartbeat").Contains("Réussie", StringComparison.Ordinal);
        }, "a new successful run of Heartbeat");

        // The expert view: Hangfire's dashboard, its script running under the site's content security policy.
        _browser.FindElement(By.CssSelector("[data-testid=hangfire-dashboard]")).Click();
        Chromium.WaitUntil(_browser, b => b.PathAndQuery().StartsWith("/Admin/Hangfire", StringComparison.Ordinal), "Hangfire's dashboard");
        _browser.Open(_site, "/Admin/Hangfire/recurring");
        Assert.Contains("SweepReminders", _browser.Text("body"), StringComparison.Ordinal);
        Assert.Equal(true, ((IJavaScriptExecutor)_browser).ExecuteScript("return typeof window.Hangfire === 'object' && typeof window.jQuery === 'function';"));
        _browser.Open(_site, "/Admin/Hangfire/jobs/succeeded");
        Assert.Contains("Heartbeat", _browser.Text("body"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_platform_administrator_opens_the_notifications_page()
    {
        _browser.SignIn(_site, "admin@demo.ptce.fr");

        _browser.Open(_site, "/Notifications");

        Assert.Equal("Mes notifications", _browser.Text("main h1"));
        Assert.Equal("page", _browser.FindElement(By.CssSelector("[data-testid=notifications-link]")).GetDomAttribute("aria-current"));
        Accessibility.AssertNoSeriousViolations(_browser);
    }

    [Fact]
    public void A_program_officer_has_no_scheduled_jobs_link_and_is_refused_the_page()
    {
        _browser.SignIn(_site, "officer@demo.ptce.fr");
        Assert.Empty(_browser.FindElements(By.LinkText("Tâches planifiées")));

        _browser.Open(_site, "/Admin/Jobs");

        Chromium.WaitUntil(_browser, b => b.PathAndQuery().StartsWith("/Account/AccessDenied", StringComparison.Ordinal), "the access-denied page");
        Assert.Empty(_browser.FindElements(By.CssSelector("[data-testid=jobs]")));
    }

    private IWebElement Row(string job) => _browser.FindElement(By.CssSelector($"tr[data-job='{job}']"));

    /// <summary>The text of the job's "last run" cell (start time, outcome, node).</summary>
    private string LastRun(string job) => Row(job).FindElements(By.TagName("td"))[3].Text;
}
