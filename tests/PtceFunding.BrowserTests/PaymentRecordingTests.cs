using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

/// <summary>
/// The DREETS finance officer takes the agreement of an accepted application from signature to its first
/// payment, as she would: payments list, legal commitment, payment request, payment received.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PaymentRecordingTests : BrowserJourney, IClassFixture<Chromium>
{
    // Seeded by DemoAgreements: accepted at the closed session, signed, no legal commitment yet, its first advance due.
    private const string Title = "Ressourcerie textile du Roannais";
    private const string Finance = "finance@demo.ptce.fr";

    private readonly PtceSite _site;
    private readonly IWebDriver _browser;

    public PaymentRecordingTests(PtceSite site, Chromium chromium)
        : base(chromium)
    {
        _site = site;
        _browser = Browser;
    }

    [Fact]
    public void A_finance_officer_records_the_legal_commitment_and_pays_the_first_advance_of_an_accepted_applications_agreement()
    {
        _browser.SignIn(_site, Finance);
        Click(By.XPath("//nav[@id='navigation']//a[normalize-space(.)='Paiements']"));
        WaitFor("the payments list", d => d.PathAndQuery() == "/Finances/Echeances");
        var row = _browser.FindElement(By.XPath($"//table[@data-testid='echeances']/tbody/tr[.//a[normalize-space(.)=\"{Title}\"]]"));
        Assert.Contains("Avance de l'année 1", row.Text, StringComparison.Ordinal);
        Assert.Contains("À payer", row.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Bloquée", _browser.Text("[data-testid=echeances]"), StringComparison.OrdinalIgnoreCase); // the Forez balance
        Accessibility.AssertNoSeriousViolations(_browser);

        row.FindElement(By.TagName("a")).Click();
        WaitFor("the agreement's payments page", d => d.PathAndQuery().StartsWith("/Finances/Convention?id=", StringComparison.Ordinal));
        Assert.Equal(Title, _browser.Text("[data-testid=agreement-title]"));
        Assert.Equal("Les Jardins de Cocagne du Rhône", _browser.Text("[data-testid=lead-member]"));
        Assert.Contains("n'est pas encore enregistré", _browser.Text("[data-testid=legal-commitment]"), StringComparison.Ordinal);
        Assert.Equal("0,00 €", Normalized(_browser.Text("[data-testid=paid]")));
        var advance = Normalized(_browser.FindElement(By.CssSelector("[data-testid=installment-1-advance] td:nth-of-type(2)")).Text);
        Accessibility.AssertNoSeriousViolations(_browser);

        Type(By.Id("legal-commitment-reference"), "2103009876");
        Save("Enregistrer l'engagement juridique");
        Assert.Contains("2103009876", _browser.Text("[data-testid=legal-commitment]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        Type(By.Id("order-reference-1-advance"), "DP-2026-0042");
        Save("Mettre en paiement");
        Assert.Equal("Mise en paiement", Status(), ignoreCase: true);
        Accessibility.AssertNoSeriousViolations(_browser);

        Type(By.Id("payment-bank-reference-1-advance"), "VIR-2026-004217");
        Save("Enregistrer un paiement");
        Assert.Equal("Payée", Status(), ignoreCase: true);
        Assert.Contains($"Paiement de {advance} enregistré", Normalized(_browser.Text("[data-testid=notice]")), StringComparison.Ordinal);
        Assert.Equal(advance, Normalized(_browser.Text("[data-testid=paid]")));
        Assert.Empty(_browser.FindElements(By.CssSelector("[data-testid=action-1-advance]")));
        Accessibility.AssertNoSeriousViolations(_browser);
        ((IJavaScriptExecutor)_browser).ExecuteScript("arguments[0].scrollIntoView();", _browser.FindElement(By.CssSelector("[data-testid=schedule]")));
        SaveScreenshot("first-advance-paid.png");

        _browser.Open(_site, "/Finances/Echeances");
        Assert.Empty(_browser.FindElements(By.XPath($"//table[@data-testid='echeances']//a[normalize-space(.)=\"{Title}\"]")));
        Accessibility.AssertNoSeriousViolations(_browser);
    }

    private string Status() => _browser.FindElement(By.CssSelector("[data-testid=installment-1-advance] [data-testid=status]")).Text;

    private void SaveScreenshot(string name)
    {
        var directory = Path.Combine(SmtpSink.RepositoryRoot(), ".artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        ((ITakesScreenshot)_browser).GetScreenshot().SaveAsFile(path);
        Assert.True(new FileInfo(path).Length > 0, $"the screenshot {path} is empty");
    }

    private static string Normalized(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');
}
