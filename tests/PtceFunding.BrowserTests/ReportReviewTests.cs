using System.Globalization;
using System.Text;
using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

/// <summary>
/// A year's reports gate its balance, as the people involved see it: the consortium files the yearly activity report
/// (indicators) and financial report (approved accounts), the DREETS officer returns one with a comment, the consortium
/// corrects and files it again, the officer approves both, and the finance officer finds the year's balance payable.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReportReviewTests : BrowserJourney, IClassFixture<Chromium>
{
    // Seeded by DemoAgreements: under way, its year-1 reports open (due at the end of this year), its year-1 balance blocked.
    private const string Title = "Recyclerie partagée du Forez";
    private const string Activity = "Compte rendu d'activité — année 1";
    private const string Financial = "Compte rendu financier — année 1";
    private const string Jules = "partenaire@demo.ptce.fr";
    private const string Officer = "officer@demo.ptce.fr";
    private const string Finance = "finance@demo.ptce.fr";

    private readonly PtceSite _site;
    private readonly IWebDriver _browser;

    public ReportReviewTests(PtceSite site, Chromium chromium)
        : base(chromium)
    {
        _site = site;
        _browser = Browser;
    }

    [Fact]
    public async Task The_consortium_files_the_years_reports_the_officer_returns_one_then_approves_both_and_the_balance_becomes_payable()
    {
        // The lead member's user files the activity report with its indicators...
        _browser.SignIn(_site, Jules);
        OpenReport(Activity);
        Assert.Equal("À déposer", _browser.Text("[data-testid=report-status]"), ignoreCase: true);
        Accessibility.AssertNoSeriousViolations(_browser);
        Type(By.Id("valeur-emplois"), "5");
        Type(By.Id("valeur-membres"), "3");
        Type(By.Id("valeur-ressources-propres"), "28");
        Save("Enregistrer les indicateurs");
        Accessibility.AssertNoSeriousViolations(_browser);
        Save("Déposer le compte rendu");
        Assert.Equal("Déposé", _browser.Text("[data-testid=report-status]"), ignoreCase: true);
        Assert.Equal("5", _browser.Text("[data-testid=value-emplois]"));
        Accessibility.AssertNoSeriousViolations(_browser);

        // ... and the financial report with the approved accounts.
        OpenReport(Financial);
        Assert.Equal("non jointe", _browser.Text("[data-testid=missing-comptes-approuves]"));
        _browser.FindElement(By.Id("fichier-comptes-approuves")).SendKeys(ApprovedAccountsPdf());
        Save("Joindre");
        Assert.Equal("comptes-approuves-forez.pdf", _browser.Text("[data-testid=attachment-comptes-approuves]"));
        Accessibility.AssertNoSeriousViolations(_browser);
        Save("Déposer le compte rendu");
        Assert.Equal("Déposé", _browser.Text("[data-testid=report-status]"), ignoreCase: true);
        SignOut();

        // The DREETS officer is told, returns the activity report with a comment and a new due date, approves the financial one.
        var told = await _site.Mail.WaitFor(Officer, $"Compte rendu déposé : {Title}", TimeSpan.FromSeconds(30));
        Assert.Contains("/Conventions/CompteRendu?id=", told.Text, StringComparison.Ordinal);
        _browser.SignIn(_site, Officer);
        OpenReport(Activity);
        Assert.Equal("Déposé", _browser.Text("[data-testid=report-status]"), ignoreCase: true);
        Accessibility.AssertNoSeriousViolations(_browser);
        const string Comment = "Précisez combien des cinq emplois sont des emplois en insertion.";
        Type(By.Id("observations"), Comment);
        var newDueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        ((IJavaScriptExecutor)_browser).ExecuteScript("arguments[0].value = arguments[1];", _browser.FindElement(By.Id("nouvelle-echeance")), newDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Save("Renvoyer pour compléments");
        Assert.Equal("À compléter", _browser.Text("[data-testid=report-status]"), ignoreCase: true);
        Assert.Equal(newDueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), _browser.Text("[data-testid=report-due]"));
        Assert.Contains(Comment, _browser.Text("[data-testid=reviews]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        OpenReport(Financial);
        Save("Approuver le compte rendu");
        Assert.Equal("Approuvé", _browser.Text("[data-testid=report-status]"), ignoreCase: true);
        Accessibility.AssertNoSeriousViolations(_browser);
        SignOut();

        // The consortium reads the comment, corrects and files again.
        _browser.SignIn(_site, Jules);
        OpenReport(Activity);
        Assert.Equal("À compléter", _browser.Text("[data-testid=report-status]"), ignoreCase: true);
        Assert.Contains(Comment, _browser.Text("[data-testid=reviews]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);
        Type(By.Id("valeur-emplois"), "6");
        Save("Enregistrer les indicateurs");
        Save("Déposer le compte rendu");
        Assert.Equal("Déposé", _browser.Text("[data-testid=report-status]"), ignoreCase: true);
        SignOut();

        // The officer approves it: both reports of year 1 are approved, its balance is released.
        _browser.SignIn(_site, Officer);
        OpenReport(Activity);
        Assert.Equal("6", _browser.Text("[data-testid=value-emplois]"));
        Save("Approuver le compte rendu");
        Assert.Equal("Approuvé", _browser.Text("[data-testid=report-status]"), ignoreCase: true);
        Accessibility.AssertNoSeriousViolations(_browser);
        _browser.Open(_site, _browser.FindElement(By.XPath("//nav[contains(@class,'fr-breadcrumb')]//a[normalize-space(.)=\"" + Title + "\"]")).GetDomAttribute("href")!);
        Assert.Equal(2, _browser.FindElements(By.XPath("//section[@data-testid='reporting']//tr[.//a[contains(normalize-space(.), 'année 1')]]//span[normalize-space(.)='Approuvé']")).Count);
        Accessibility.AssertNoSeriousViolations(_browser);
        ((IJavaScriptExecutor)_browser).ExecuteScript("arguments[0].scrollIntoView();", _browser.FindElement(By.CssSelector("[data-testid=reporting]")));
        SaveScreenshot("reports-approved.png");
        SignOut();

        // The finance officer is told and finds the year-1 balance payable.
        await _site.Mail.WaitFor(Finance, $"Solde débloqué : convention « {Title} »", TimeSpan.FromSeconds(30));
        _browser.SignIn(_site, Finance);
        _browser.Open(_site, "/Finances/Echeances");
        var row = _browser.FindElement(By.XPath($"//table[@data-testid='echeances']/tbody/tr[.//a[normalize-space(.)=\"{Title}\"]][contains(., \"Solde de l'année 1\")]"));
        Assert.Contains("À payer", row.Text, StringComparison.OrdinalIgnoreCase);
        Accessibility.AssertNoSeriousViolations(_browser);
        row.FindElement(By.TagName("a")).Click();
        WaitFor("the agreement's payments page", d => d.PathAndQuery().StartsWith("/Finances/Convention?id=", StringComparison.Ordinal));
        Assert.Equal("À payer", _browser.FindElement(By.CssSelector("[data-testid=installment-1-balance] [data-testid=status]")).Text, ignoreCase: true);
        Accessibility.AssertNoSeriousViolations(_browser);
        ((IJavaScriptExecutor)_browser).ExecuteScript("arguments[0].scrollIntoView();", _browser.FindElement(By.CssSelector("[data-testid=installment-1-balance]")));
        SaveScreenshot("year-1-balance-payable.png");
    }

    /// <summary>From the agreements list, the agreement, then the report by its link in the reports table.</summary>
    private void OpenReport(string report)
    {
        Click(By.XPath("//nav[@id='navigation']//a[normalize-space(.)='Conventions']"));
        WaitFor("the agreements list", d => d.PathAndQuery() == "/Conventions");
        Click(By.XPath($"//table[@data-testid='agreements']//a[normalize-space(.)=\"{Title}\"]"));
        WaitFor("the agreement page", d => d.PathAndQuery().StartsWith("/Conventions/Convention?id=", StringComparison.Ordinal));
        Click(By.XPath($"//section[@data-testid='reporting']//a[normalize-space(.)=\"{report}\"]"));
        WaitFor("the report page", d => d.PathAndQuery().StartsWith("/Conventions/CompteRendu?id=", StringComparison.Ordinal) && d.FindElements(By.CssSelector("[data-testid=report-title]")).Count > 0);
    }

    private void SignOut() =>
        SubmitAndWait(By.XPath("//header//button[normalize-space(.)='Se déconnecter']"), d => d.FindElements(By.CssSelector("[data-testid=utilisateur]")).Count == 0);

    /// <summary>A small PDF on disk, as the consortium would pick it in the file dialog.</summary>
    private static string ApprovedAccountsPdf()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ptce-browser-upload-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "comptes-approuves-forez.pdf");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        return path;
    }

    private void SaveScreenshot(string name)
    {
        var directory = Path.Combine(SmtpSink.RepositoryRoot(), ".artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        ((ITakesScreenshot)_browser).GetScreenshot().SaveAsFile(path);
        Assert.True(new FileInfo(path).Length > 0, $"the screenshot {path} is empty");
    }
}
