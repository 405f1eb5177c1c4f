using System.Text.RegularExpressions;
using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed partial class PasswordResetTests : IClassFixture<Chromium>
{
    // The applicant is the one demo account no other browser test signs in with (see PtceSite).
    private const string Applicant = "applicant@demo.ptce.fr";
    private const string NewPassword = "Nouveau-Secret-2027!";

    private readonly PtceSite _site;
    private readonly IWebDriver _browser;

    public PasswordResetTests(PtceSite site, Chromium chromium)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        _site = site;
        _browser = chromium.Fresh();
    }

    [Fact]
    public async Task Someone_who_forgot_their_password_gets_a_link_by_email_and_signs_in_with_a_new_one()
    {
        _browser.Open(_site, "/Account/Login");
        Accessibility.AssertNoSeriousViolations(_browser);
        _browser.FindElement(By.LinkText("Mot de passe oublié ?")).Click();
        Chromium.WaitUntil(_browser, b => b.PathAndQuery() == "/Account/ForgotPassword", "the forgotten-password page");
        Assert.Equal("Mot de passe oublié", _browser.Text("main h1"));
        Accessibility.AssertNoSeriousViolations(_browser);

        // Sent empty first: the field says what is missing, and is tied to its message.
        Submit();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.Id("email-erreur")).Count > 0, "the e-mail field's error");
        Assert.Equal("L'adresse électronique est obligatoire.", _browser.Text("#email-erreur"));
        Assert.Equal("email-erreur", _browser.FindElement(By.Id("email")).GetDomAttribute("aria-describedby"));
        Accessibility.AssertNoSeriousViolations(_browser);

        _browser.FindElement(By.Id("email")).SendKeys(Applicant);
        Submit();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.CssSelector("[data-testid=demande-envoyee]")).Count > 0, "the request to be acknowledged");
        Assert.Contains("Si un compte correspond à cette adresse, un courriel vient de vous être envoyé.", _browser.Text("[data-testid=demande-envoyee]"), StringComparison.Ordinal);
        Accessibility.AssertNoSeriousViolations(_browser);

        // By subject: the applicant's consortium may already have heard from the committee (CommitteeDecisionTests).
        var message = await _site.Mail.WaitFor(Applicant, "Réinitialisation de votre mot de passe PtceFunding", TimeSpan.FromSeconds(20));
        Assert.Contains("Bonjour Paula Porteuse,", message.Text, StringComparison.Ordinal);
        var link = LinkPattern().Match(message.Text);
        Assert.True(link.Success, $"no reset link in the e-mail: {message.Text}");
        Assert.StartsWith(_site.Url("/Account/ResetPassword?").AbsoluteUri, link.Value, StringComparison.Ordinal);

        _browser.Navigate().GoToUrl(link.Value);
        Assert.Equal("Choisir un nouveau mot de passe", _browser.Text("main h1"));
        Assert.Equal(Applicant, _browser.Text("[data-testid=compte]"));
        Accessibility.AssertNoSeriousViolations(_browser);

        // A slip of the fingers first: the two entries differ.
        _browser.FindElement(By.Id("nouveau")).SendKeys(NewPassword);
        _browser.FindElement(By.Id("confirmation")).SendKeys(NewPassword + "x");
        Submit();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.Id("confirmation-erreur")).Count > 0, "the confirmation error");
        Assert.Equal("Les deux mots de passe saisis sont différents.", _browser.Text("#confirmation-erreur"));
        Assert.Equal("confirmation-erreur", _browser.FindElement(By.Id("confirmation")).GetDomAttribute("aria-describedby"));
        Accessibility.AssertNoSeriousViolations(_browser);

        _browser.FindElement(By.Id("nouveau")).SendKeys(NewPassword);
        _browser.FindElement(By.Id("confirmation")).SendKeys(NewPassword);
        Submit();
        Chromium.WaitUntil(_browser, b => b.FindElements(By.CssSelector("[data-testid=mot-de-passe-modifie]")).Count > 0, "the new password to be saved");
        Accessibility.AssertNoSeriousViolations(_browser);

        _browser.FindElement(By.TagName("main")).FindElement(By.LinkText("Se connecter")).Click();
        Chromium.WaitUntil(_browser, b => b.PathAndQuery() == "/Account/Login", "the login page");
        _browser.SubmitLogin(Applicant, NewPassword);

        Assert.Equal("/", _browser.PathAndQuery());
        Assert.Equal("Paula Porteuse", _browser.Text("[data-testid=utilisateur]"));
        Accessibility.AssertNoSeriousViolations(_browser);
    }

    private void Submit()
    {
        _browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/Account/ResetPassword\?\S+")]
    private static partial Regex LinkPattern();
}
