using System.Collections.ObjectModel;
using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class SigningInTests : IClassFixture<Chromium>
{
    private readonly PtceSite _site;
    private readonly IWebDriver _browser;

    public SigningInTests(PtceSite site, Chromium chromium)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        _site = site;
        _browser = chromium.Fresh();
    }

    [Fact]
    public void The_finance_officer_gives_the_code_of_her_authenticator_application_after_her_password()
    {
        _browser.Open(_site, "/Account/Login");
        _browser.FindElement(By.Id("email")).SendKeys("finance2@demo.ptce.fr");
        _browser.FindElement(By.Id("motdepasse")).SendKeys(PtceSite.DemoPassword);
        _browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
        Chromium.WaitUntil(_browser, b => new Uri(b.Url).AbsolutePath == "/Account/TwoFactor", "the code step");

        Assert.Equal("Code de vérification", _browser.Text("main h1"));
        Accessibility.AssertNoSeriousViolations(_browser);
        _browser.FindElement(By.Id("code")).SendKeys(Visitor.AuthenticatorCode("finance2@demo.ptce.fr"));
        _browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.CssSelector("[data-testid=utilisateur]")).Count > 0, "the finance officer to be signed in");

        _browser.FindElement(By.LinkText("Double authentification")).Click();
        Chromium.WaitUntil(_browser, b => b.PathAndQuery() == "/Account/Mfa", "the two-factor page");
        Assert.Contains("activée", _browser.Text("[data-testid=mfa-active]"), StringComparison.Ordinal);
        Assert.Empty(_browser.FindElements(By.XPath("//button[normalize-space(.)='Désactiver']")));
        Accessibility.AssertNoSeriousViolations(_browser);
    }

    [Fact]
    public void An_applicant_turns_on_two_factor_authentication_with_the_qr_code_and_is_asked_for_a_code_at_the_next_sign_in()
    {
        const string applicant = "porteur.bretagne@demo.ptce.fr";
        _browser.SignIn(_site, applicant);
        _browser.FindElement(By.LinkText("Double authentification")).Click();
        Chromium.WaitUntil(_browser, b => b.PathAndQuery() == "/Account/Mfa", "the two-factor page");

        Assert.StartsWith("data:image/png;base64,", _browser.FindElement(By.CssSelector("[data-testid=qr-code]")).GetDomAttribute("src"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);
        var key = _browser.Text("[data-testid=cle-authentification]").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var now = DateTimeOffset.UtcNow;
        _browser.FindElement(By.Id("Enable-code")).SendKeys(Infrastructure.Identity.MultiFactor.CodeAt(key, now));
        _browser.FindElement(By.XPath("//button[normalize-space(.)='Activer la double authentification']")).Click();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.CssSelector("[data-testid=codes-de-secours]")).Count > 0, "the recovery codes");

        Assert.Equal(10, _browser.FindElements(By.CssSelector("[data-testid=codes-de-secours] li code")).Count);
        Assert.Contains("activée", _browser.Text("[data-testid=mfa-active]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        _browser.FindElement(By.XPath("//header//button[normalize-space(.)='Se déconnecter']")).Click();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.CssSelector("[data-testid=utilisateur]")).Count == 0, "the sign-out");
        _browser.Open(_site, "/Account/Login");
        _browser.FindElement(By.Id("email")).SendKeys(applicant);
        _browser.FindElement(By.Id("motdepasse")).SendKeys(PtceSite.DemoPassword);
        _browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
        Chromium.WaitUntil(_browser, b => new Uri(b.Url).AbsolutePath == "/Account/TwoFactor", "the code step");
        // The code just used is spent: the application's next one (accepted 30 seconds early) signs in.
        _browser.FindElement(By.Id("code")).SendKeys(Infrastructure.Identity.MultiFactor.CodeAt(key, now.AddSeconds(30)));
        _browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.CssSelector("[data-testid=utilisateur]")).Count > 0, "the applicant to be signed in with her code");
    }

    [Fact]
    public void A_program_officer_logs_in_and_sees_their_home_page()
    {
        _browser.Open(_site, "/");
        _browser.FindElement(By.TagName("main")).FindElement(By.LinkText("Se connecter")).Click();
        Chromium.WaitUntil(_browser, b => b.PathAndQuery() == "/Account/Login", "the login page");

        Assert.Equal("fr", _browser.FindElement(By.TagName("html")).GetDomAttribute("lang"));
        Assert.Equal("Connexion à PtceFunding", _browser.Text("main h1"));
        AssertTheStateDesignSystemIsApplied();
        Accessibility.AssertNoSeriousViolations(_browser);

        _browser.SubmitLogin("officer@demo.ptce.fr", PtceSite.DemoPassword);

        Assert.Equal("/", _browser.PathAndQuery());
        Assert.Equal("Bonjour Camille Martin", _browser.Text("main h1"));
        Assert.Contains("chargé de mission", _browser.Text("[data-testid=role-home]"), StringComparison.Ordinal);
        Assert.Equal("Camille Martin", _browser.Text("[data-testid=utilisateur]"));
        Accessibility.AssertNoSeriousViolations(_browser);
    }

    [Fact]
    public void A_wrong_password_is_refused_with_a_french_message_on_the_login_page()
    {
        _browser.Open(_site, "/Account/Login");

        _browser.SubmitLogin("reviewer@demo.ptce.fr", "Pas-le-bon-mot-de-passe-1");

        Assert.Equal("/Account/Login", _browser.PathAndQuery());
        Assert.Equal("Adresse électronique ou mot de passe incorrect.", _browser.Text("main [role=alert]"));
        Assert.Empty(_browser.FindElements(By.CssSelector("[data-testid=utilisateur]")));
        Accessibility.AssertNoSeriousViolations(_browser);
    }

    private void AssertTheStateDesignSystemIsApplied()
    {
        var js = (IJavaScriptExecutor)_browser;
        var stylesheets = js.ExecuteScript(
            "return [...document.styleSheets].filter(s => s.href && s.cssRules.length > 0).map(s => new URL(s.href).pathname);") as ReadOnlyCollection<object>;
        Assert.Contains("/lib/dsfr/dsfr.min.css", stylesheets ?? []);

        Assert.Contains("Marianne", js.ExecuteScript("return getComputedStyle(document.body).fontFamily;") as string, StringComparison.Ordinal);

        // The declaration alone is not enough: the font files must have been served and used.
        var marianneLoaded = js.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            document.fonts.ready.then(() => done([...document.fonts].some(f => f.family.replaceAll('"', '') === 'Marianne' && f.status === 'loaded')));
            """) as bool?;
        Assert.True(marianneLoaded == true, "the Marianne font of the DSFR was not loaded");
    }
}
