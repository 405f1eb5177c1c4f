using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class NotificationTests : IClassFixture<Chromium>
{
    private readonly PtceSite _site;
    private readonly IWebDriver _browser;

    public NotificationTests(PtceSite site, Chromium chromium)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        _site = site;
        _browser = chromium.Fresh();
    }

    [Fact]
    public void A_program_officer_reads_the_notification_announced_in_the_header()
    {
        // The Brittany officer: the Auvergne-Rhône-Alpes one is also told of reports submitted and overdue (by the
        // reminders sweep the site runs at start-up, and by other browser tests), so her unread count varies.
        _browser.SignIn(_site, "officer.bretagne@demo.ptce.fr");
        var link = _browser.FindElement(By.CssSelector("[data-testid=notifications-link]"));
        // The count is in the link's name, as screen readers announce it (the visible text is "Notifications (1)").
        Assert.Equal("Notifications (1 non lue)", ((WebElement)link).ComputedAccessibleLabel);

        link.Click();
        Chromium.WaitUntil(_browser, b => b.PathAndQuery() == "/Notifications", "the notifications page");

        Assert.Equal("Mes notifications", _browser.Text("main h1"));
        var item = _browser.FindElement(By.CssSelector("[data-testid=notifications] li"));
        Assert.Equal("Bienvenue sur PtceFunding", item.FindElement(By.TagName("h2")).Text);
        Assert.Contains("Non lue", item.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Chargé de mission, Région Bretagne", item.Text, StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        item.FindElement(By.CssSelector("button[type=submit]")).Click();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.CssSelector("[data-testid=notice]")).Count > 0, "the confirmation");

        Assert.Equal("La notification est marquée comme lue.", _browser.Text("[data-testid=notice]"));
        Assert.Equal("Notifications", ((WebElement)_browser.FindElement(By.CssSelector("[data-testid=notifications-link]"))).ComputedAccessibleLabel);
        Assert.Empty(_browser.FindElements(By.XPath("//main//button[starts-with(normalize-space(.), 'Marquer comme lue')]")));
        Assert.Equal("Vous avez tout lu.", _browser.Text("[data-testid=unread-summary]"));
        Accessibility.AssertNoSeriousViolations(_browser);
    }
}
