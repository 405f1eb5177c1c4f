using System.Globalization;
using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

/// <summary>
/// A submitted application of the demo data goes through review and the committee to acceptance, as
/// the people involved would take it: the officer, an expert, the platform administrator who opens and
/// closes the meeting, and a committee member. The consortium hears of it by e-mail.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CommitteeDecisionTests : BrowserJourney, IClassFixture<Chromium>
{
    // Seeded by DemoFunding: submitted last quarter by the Coopérative des Monts du Lyonnais, routed to
    // DREETS Auvergne-Rhône-Alpes, examined at the permanent call's session of last quarter.
    private const string Title = "Pôle de coopération des Monts du Lyonnais";
    private const string PermanentCallId = "0196a000-0002-7000-8000-000000000001";
    private const string Officer = "officer@demo.ptce.fr";
    private const string Reviewer = "reviewer@demo.ptce.fr";
    private const string CommitteeMember = "committee@demo.ptce.fr";
    private const string Administrator = "admin@demo.ptce.fr";

    // Paula acts for the lead member; the test reads her mailbox only (see PtceSite: nobody else signs in as her).
    private const string LeadMemberUser = "applicant@demo.ptce.fr";

    private readonly PtceSite _site;
    private readonly IWebDriver _browser;

    public CommitteeDecisionTests(PtceSite site, Chromium chromium)
        : base(chromium)
    {
        _site = site;
        _browser = Browser;
    }

    [Fact]
    public async Task An_application_goes_from_submitted_to_accepted_through_the_officer_a_reviewer_and_the_committee()
    {
        var session = PastSessionName();

        // The officer finds the file in the inbox, through the session filter.
        _browser.SignIn(_site, Officer);
        _browser.Open(_site, "/Instruction");
        Accessibility.AssertNoSeriousViolations(_browser);
        Choose("filtre-session", session);
        SubmitAndWait(By.XPath("//button[normalize-space(.)='Filtrer']"), d => d.FindElements(By.CssSelector("[data-testid=dossiers], [data-testid=aucun-dossier]")).Count > 0);
        Accessibility.AssertNoSeriousViolations(_browser);
        Click(By.XPath($"//table[@data-testid='dossiers']//a[normalize-space(.)=\"{Title}\"]"));
        WaitFor("the review page", d => d.PathAndQuery().StartsWith("/Instruction/Dossier?id=", StringComparison.Ordinal));
        Assert.Equal(Title, _browser.Text("[data-testid=application-title]"));
        Assert.Equal("Déposé", _browser.Text("[data-testid=status]"), ignoreCase: true);
        Assert.Contains($"« {session} »", _browser.Text("main"), StringComparison.Ordinal);
        var reference = _browser.Text("[data-testid=reference]");
        Accessibility.AssertNoSeriousViolations(_browser);

        Save("Prendre le dossier");
        Assert.Contains("Camille Martin", _browser.Text("[data-testid=assigned-officer]"), StringComparison.Ordinal);
        Save("Déclarer le dossier complet");
        Save("Déclarer le dossier éligible");
        Assert.Equal("Éligible", _browser.Text("[data-testid=status]"), ignoreCase: true);
        Accessibility.AssertNoSeriousViolations(_browser);

        Type(By.Id("report"), "Dossier solide : la légumerie est déjà en service et les ressources propres progressent chaque année. Proposition réduite à 90 000 € sur trois ans, dégressive.");
        foreach (var funder in new[] { "État — ministère", "Région Bretagne" })
        {
            Type(AmountFor(funder), "");
        }

        Type(AmountFor("DREETS Auvergne-Rhône-Alpes"), "90000");
        Choose("duration", "3 ans");
        Choose("shape", "Dégressif");
        Save("Enregistrer la proposition");
        var proposal = Normalized(_browser.Text("[data-testid=proposal]"));
        Assert.Contains("90 000,00 € sur 3 an(s), échéancier dégressif", proposal, StringComparison.Ordinal);
        Assert.Contains("DREETS Auvergne-Rhône-Alpes : 90 000,00 €", proposal, StringComparison.Ordinal);

        Type(By.Id("reviewer-email"), Reviewer);
        Save("Désigner l'expert");
        var designated = _browser.Text("[data-testid=opinion]");
        Assert.Contains("Étienne Roux", designated, StringComparison.Ordinal);
        Assert.Contains("Déclaration d'intérêts attendue", designated, StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);
        SignOut();

        // The expert declares no conflict of interest, then scores the grid and gives a favourable opinion.
        _browser.SignIn(_site, Reviewer);
        _browser.Open(_site, "/Expertise");
        Accessibility.AssertNoSeriousViolations(_browser);
        Click(By.XPath($"//table[@data-testid='expertises']//a[contains(normalize-space(.), \"{Title}\")]"));
        WaitFor("the expertise page", d => d.FindElements(By.CssSelector("[data-testid=declaration]")).Count > 0);
        var request = await _site.Mail.WaitFor(Reviewer, $"Expertise demandée : dossier {reference}", TimeSpan.FromSeconds(30));
        Assert.Contains("Camille Martin vous confie l'expertise", request.Text, StringComparison.Ordinal);
        Assert.Contains(_browser.Url, request.Text, StringComparison.Ordinal);
        Assert.Empty(_browser.FindElements(By.CssSelector("[data-testid=contenu]")));
        Accessibility.AssertNoSeriousViolations(_browser);

        SubmitAndWait(By.CssSelector("[data-testid=aucun-conflit]"), d => d.FindElements(By.CssSelector("[data-testid=grille], [data-testid=erreur]")).Count > 0);
        Assert.Empty(_browser.FindElements(By.CssSelector("[data-testid=erreur]")));
        Assert.Contains("Structurer la coopération entre producteurs", _browser.Text("[data-testid=contenu]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        // 5/5 × 30 + 4/5 × 25 + 4/5 × 25 + 3/5 × 20 = 82 out of 100.
        var scores = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Ancrage territorial et coopération"] = 5,
            ["Modèle économique et ressources propres"] = 4,
            ["Gouvernance partagée"] = 4,
            ["Impact social et environnemental"] = 3,
        };
        var criteria = _browser.FindElements(By.CssSelector("[data-testid=critere]"));
        Assert.Equal(scores.Count, criteria.Count);
        foreach (var criterion in criteria)
        {
            var label = criterion.FindElement(By.TagName("legend")).Text;
            var score = scores.Single(s => label.StartsWith(s.Key, StringComparison.Ordinal)).Value;
            Choose(criterion.FindElement(By.TagName("select")), score.ToString(CultureInfo.InvariantCulture));
            Type(criterion.FindElement(By.TagName("textarea")), $"Note {score} : appréciation argumentée sur ce critère.");
        }

        Click(By.CssSelector("label[for=avis-Favourable]"));
        Type(By.Id("texte"), "Avis favorable : un pôle bien ancré, une gouvernance partagée effective et un modèle économique crédible.");
        Type(By.Id("confidentiel"), "Le président de la coopérative quitte ses fonctions l'an prochain : suivre la transition.");
        SubmitAndWait(By.XPath("//button[normalize-space(.)='Remettre mon avis']"), d => d.FindElements(By.CssSelector("[data-testid=avis-remis], [data-testid=erreur]")).Count > 0);
        Assert.Empty(_browser.FindElements(By.CssSelector("[data-testid=erreur]")));
        var given = _browser.Text("[data-testid=avis-remis]");
        Assert.Contains("Conclusion : Favorable — note pondérée 82", given, StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);
        SignOut();

        // The platform administrator opens the meeting.
        _browser.SignIn(_site, Administrator);
        _browser.Open(_site, $"/Admin/Calls/Sessions?id={PermanentCallId}");
        Accessibility.AssertNoSeriousViolations(_browser);
        Save($"Ouvrir la séance : {session}");
        Assert.Contains("La séance est ouverte", _browser.Text("[data-testid=notice]"), StringComparison.Ordinal);
        SignOut();

        // A committee member reads the ranking and the envelopes, and accepts the application.
        _browser.SignIn(_site, CommitteeMember);
        _browser.Open(_site, "/Comite");
        Accessibility.AssertNoSeriousViolations(_browser);
        Click(By.XPath($"//table[@data-testid='sessions']//a[normalize-space(.)=\"{session}\"]"));
        WaitFor("the session page", d => d.PathAndQuery().StartsWith("/Comite/Session", StringComparison.Ordinal));
        Assert.Equal(session, _browser.Text("main h1"));
        Assert.Equal("Ouverte", _browser.Text("[data-testid=status]"), ignoreCase: true);
        var ranked = RowOf("ranking", Title);
        Assert.Contains("82 / 100", ranked.Text, StringComparison.Ordinal);
        Assert.Contains("(1 avis)", ranked.Text, StringComparison.Ordinal);
        Assert.Contains("90 000,00 € sur 3 an(s)", Normalized(ranked.Text), StringComparison.Ordinal);
        var envelope = Normalized(RowOf("envelopes", "DREETS Auvergne-Rhône-Alpes").Text);
        Assert.Contains("600 000,00 €", envelope, StringComparison.Ordinal);
        Assert.Contains("90 000,00 €", envelope, StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        var item = Item(Title);
        item.FindElement(By.XPath(".//label[normalize-space(.)='Retenir']")).Click();
        var amounts = item.FindElements(By.CssSelector("input[name$='].Amount']"));
        foreach (var amount in amounts)
        {
            Type(amount, "");
        }

        Type(item.FindElement(By.XPath(".//label[starts-with(normalize-space(.), 'DREETS Auvergne-Rhône-Alpes')]/following-sibling::input")), "85000");
        Type(item.FindElement(By.CssSelector("input[id^=duration-]")), "3");
        Type(item.FindElement(By.CssSelector("textarea[id^=conditions-]")), "Transmettre le bilan annuel de la légumerie.");
        Type(item.FindElement(By.CssSelector("textarea[id^=rationale-]")), "Retenu à l'unanimité des membres présents.");
        SubmitAndWait(
            By.XPath($"//section[@data-testid='item'][.//h3[contains(normalize-space(.), \"{Title}\")]]//button[starts-with(normalize-space(.), 'Enregistrer la décision')]"),
            d => d.FindElements(By.CssSelector("[data-testid=notice], [data-testid=error]")).Count > 0);
        Assert.Empty(_browser.FindElements(By.CssSelector("[data-testid=error]")));
        var decision = Normalized(Item(Title).FindElement(By.CssSelector("[data-testid=current-decision]")).Text);
        Assert.Contains("Décision : Retenu", decision, StringComparison.Ordinal);
        Assert.Contains("DREETS Auvergne-Rhône-Alpes : 85 000,00 € sur 3 an(s)", decision, StringComparison.Ordinal);
        Assert.Contains("Enregistrée par Claire Dubois", decision, StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);
        SignOut();

        // The administrator closes the session: the decision goes out to the consortium.
        _browser.SignIn(_site, Administrator);
        _browser.Open(_site, $"/Admin/Calls/Sessions?id={PermanentCallId}");
        Save($"Clore la session et notifier : {session}");
        Assert.Contains("La session est close", _browser.Text("[data-testid=notice]"), StringComparison.Ordinal);
        Assert.Contains("Close", RowOf("sessions", session).Text, StringComparison.OrdinalIgnoreCase);
        Accessibility.AssertNoSeriousViolations(_browser);

        var message = await _site.Mail.WaitFor(LeadMemberUser, $"Votre candidature {reference} est retenue", TimeSpan.FromSeconds(30));
        var text = Normalized(message.Text);
        Assert.Contains($"session « {session} » a retenu votre candidature « {Title} »", text, StringComparison.Ordinal);
        Assert.Contains("Financement accordé : DREETS Auvergne-Rhône-Alpes : 85 000,00 €, sur 3 an(s).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unanimité", text, StringComparison.Ordinal);
        Assert.DoesNotContain("président de la coopérative", text, StringComparison.Ordinal);
    }

    /// <summary>The name DemoFunding gives the permanent call's session of last quarter, e.g. « Session du 3e trimestre 2026 ».</summary>
    private static string PastSessionName()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime);
        var lastQuarter = today.AddMonths(-3);
        var quarter = ((lastQuarter.Month - 1) / 3) + 1;
        return $"Session du {(quarter == 1 ? "1er" : $"{quarter}e")} trimestre {lastQuarter.Year}";
    }

    private void SignOut()
    {
        SubmitAndWait(By.XPath("//header//button[normalize-space(.)='Se déconnecter']"), d => d.FindElements(By.CssSelector("[data-testid=utilisateur]")).Count == 0);
    }

    private IWebElement AmountFor(string funder) =>
        _browser.FindElement(By.XPath($"//form[.//button[normalize-space(.)='Enregistrer la proposition']]//label[starts-with(normalize-space(.), \"{funder}\")]/following-sibling::input"));

    private IWebElement RowOf(string table, string text) =>
        _browser.FindElement(By.XPath($"//table[@data-testid='{table}']/tbody/tr[.//th[contains(normalize-space(.), \"{text}\")]]"));

    private IWebElement Item(string title) =>
        _browser.FindElement(By.XPath($"//section[@data-testid='item'][.//h3[contains(normalize-space(.), \"{title}\")]]"));

    private static string Normalized(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');
}
