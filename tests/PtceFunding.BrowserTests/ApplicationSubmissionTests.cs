using System.Text;
using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

/// <summary>A consortium user goes from the open calls to a submitted application, as a person would.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApplicationSubmissionTests : BrowserJourney, IClassFixture<Chromium>
{
    // Jules acts for Les Jardins de Cocagne du Rhône (verified in the demo data); the Coopérative des
    // Monts du Lyonnais joins his consortium by its SIRET.
    private const string Jules = "partenaire@demo.ptce.fr";
    private const string CooperativeSiret = "51203456700010";

    private readonly PtceSite _site;
    private readonly IWebDriver _browser;

    public ApplicationSubmissionTests(PtceSite site, Chromium chromium)
        : base(chromium)
    {
        _site = site;
        _browser = Browser;
    }

    [Fact]
    public async Task A_consortium_user_goes_from_an_open_call_to_a_submitted_application()
    {
        _browser.SignIn(_site, Jules);
        _browser.Open(_site, "/Appels");
        Assert.Contains("AMI permanent PTCE", _browser.Text("main"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        Click(By.XPath("//a[contains(normalize-space(.), 'Déposer une candidature à AMI permanent PTCE')]"));
        WaitFor("the new application form", d => d.PathAndQuery().StartsWith("/Portail/Candidatures/Nouvelle", StringComparison.Ordinal));
        Assert.Equal("AMI permanent PTCE", _browser.Text("[data-testid=call-title]"));
        Choose("lead", "Les Jardins de Cocagne du Rhône");
        Choose("category", "PTCE émergent");
        Type(By.Id("title"), "Maraîchage coopératif du Val de Saône");
        Accessibility.AssertNoSeriousViolations(_browser);
        SubmitAndWait(By.XPath("//button[normalize-space(.)='Ouvrir le brouillon']"), d => d.PathAndQuery().StartsWith("/Portail/Candidatures/Dossier", StringComparison.Ordinal));
        Assert.Contains("Points à compléter avant le dépôt", _browser.Text("[data-testid=completeness]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        Type(By.Id("identifier"), CooperativeSiret);
        Save("Ajouter au consortium");
        Assert.Contains("Coopérative des Monts du Lyonnais", _browser.Text("[data-testid=members]"), StringComparison.Ordinal);

        Type(By.Id("project-description"), "Mutualiser des parcelles, une légumerie et la distribution en circuits courts entre l'association d'insertion et la coopérative.");
        Type(By.Id("project-territory"), "Val de Saône (Rhône)");
        Type(By.Id("project-sectors"), "Alimentation, Insertion");
        ((IJavaScriptExecutor)_browser).ExecuteScript("arguments[0].value = '2027-03-01';", _browser.FindElement(By.Id("project-start")));
        Choose("project-duration", "2 ans");
        Save("Enregistrer le projet");

        foreach (var year in new[] { 1, 2 })
        {
            var expenses = Rows($"expenses-caption-{year}");
            Choose(expenses[0].FindElement(By.TagName("select")), "Charges de personnel");
            Type(expenses[0].FindElement(By.CssSelector("input[id^=expense-amount-]")), "50000");
            var resources = Rows($"resources-caption-{year}");
            Choose(resources[0].FindElement(By.CssSelector("select[id^=resource-source-]")), "État");
            Choose(resources[0].FindElement(By.CssSelector("select[id^=resource-funder-]")), "DREETS Auvergne-Rhône-Alpes");
            Type(resources[0].FindElement(By.CssSelector("input[id^=resource-amount-]")), "30000");
            Choose(resources[1].FindElement(By.CssSelector("select[id^=resource-source-]")), "Ressources propres");
            Type(resources[1].FindElement(By.CssSelector("input[id^=resource-amount-]")), "20000");
        }

        Save("Enregistrer le plan de financement");
        Assert.Contains("équilibré", _browser.Text("[data-testid=balance-1]"), StringComparison.OrdinalIgnoreCase); // the badge is shown in capitals
        Assert.Contains("60 000,00", _browser.Text("[data-testid=total-requested]").Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);

        foreach (var input in _browser.FindElements(By.CssSelector("[data-testid=indicators] input[id^=baseline-], [data-testid=indicators] input[id^=target-]")))
        {
            Type(input, "4");
        }

        Save("Enregistrer les indicateurs");

        foreach (var (code, label) in new[] { ("statuts", "Statuts du chef de file"), ("budget", "Budget prévisionnel du projet"), ("accord", "Accord de consortium signé") })
        {
            Choose("piece-code", label);
            _browser.FindElement(By.Id("piece-fichier")).SendKeys(Pdf(code));
            Save("Joindre la pièce");
        }

        Assert.Contains("Votre dossier est complet", _browser.Text("[data-testid=completeness]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        Click(By.CssSelector("label[for=confirm]"));
        SubmitAndWait(By.XPath("//button[normalize-space(.)='Déposer le dossier']"), d => d.FindElements(By.CssSelector("[data-testid=receipt-reference]")).Count > 0);
        var reference = _browser.Text("[data-testid=receipt-reference]");
        Assert.Matches("^PTCE-20[0-9]{2}-[0-9A-F]{10}$", reference);
        Assert.Contains("Session du", _browser.Text("[data-testid=receipt]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);
        SaveScreenshot("submitted-application.png");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_site.Mail.To(Jules).Any(m => m.Subject == $"Accusé de réception de votre candidature {reference}"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No acknowledgement for {reference} reached the SMTP sink within 30 s.");
            await Task.Delay(250);
        }
    }

    private System.Collections.ObjectModel.ReadOnlyCollection<IWebElement> Rows(string captionId) =>
        _browser.FindElements(By.XPath($"//table[caption[@id='{captionId}']]/tbody/tr"));

    private void SaveScreenshot(string name)
    {
        var directory = Path.Combine(SmtpSink.RepositoryRoot(), ".artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        ((ITakesScreenshot)_browser).GetScreenshot().SaveAsFile(path);
        Assert.True(new FileInfo(path).Length > 0, $"the screenshot {path} is empty");
    }

    /// <summary>A small valid PDF on disk, for the file input.</summary>
    private static string Pdf(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ptce-{name}-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes($"%PDF-1.4\n% {name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        return path;
    }
}
