using System.Globalization;
using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class AuditTrailTests : IClassFixture<Chromium>
{
    private readonly PtceSite _site;
    private readonly IWebDriver _browser;

    public AuditTrailTests(PtceSite site, Chromium chromium)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        _site = site;
        _browser = chromium.Fresh();
    }

    [Fact]
    public void An_administrator_opens_the_audit_trail_and_sees_the_changes_of_the_seed_and_the_sign_ins()
    {
        _browser.SignIn(_site, "admin@demo.ptce.fr");

        _browser.Open(_site, "/Admin/Audit?operation=SeedDemoData");

        Assert.Equal("/Admin/Audit?operation=SeedDemoData", _browser.PathAndQuery());
        Assert.Equal("Journal d'audit", _browser.Text("main h1"));
        var caption = _browser.Text("main table caption");
        Assert.Contains("modification", caption, StringComparison.Ordinal);
        Assert.True(int.Parse(caption.Split(' ')[0], CultureInfo.InvariantCulture) > 0, $"caption: {caption}");
        var rows = _browser.FindElements(By.CssSelector("main table tbody tr"));
        Assert.NotEmpty(rows);
        Assert.Contains(rows, row => row.Text.Contains("SeedDemoData", StringComparison.Ordinal));
        Accessibility.AssertNoSeriousViolations(_browser);

        _browser.Open(_site, "/Admin/Audit?entityType=Compte");
        Assert.Contains(_browser.FindElements(By.CssSelector("main table tbody tr")), row => row.Text.Contains("SignIn", StringComparison.Ordinal) && row.Text.Contains("admin@demo.ptce.fr", StringComparison.Ordinal));
    }

    [Fact]
    public void A_program_officer_who_opens_the_audit_trail_is_refused_access()
    {
        _browser.SignIn(_site, "officer@demo.ptce.fr");
        Assert.Empty(_browser.FindElements(By.LinkText("Journal d'audit")));

        _browser.Open(_site, "/Admin/Audit");

        Chromium.WaitUntil(_browser, b => b.PathAndQuery().StartsWith("/Account/AccessDenied", StringComparison.Ordinal), "the access-denied page");
        Assert.Equal("Accès refusé", _browser.Text("main h1"));
        Assert.Empty(_browser.FindElements(By.TagName("table")));
    }
}
