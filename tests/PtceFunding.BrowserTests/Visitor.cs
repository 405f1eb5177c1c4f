using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

/// <summary>What a person does in the browser, in the words of the test.</summary>
public static class Visitor
{
    public static void Open(this IWebDriver driver, PtceSite site, string path)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(site);
        driver.Navigate().GoToUrl(site.Url(path));
    }

    /// <summary>Fills in the login form of the current page and submits it.</summary>
    public static void SubmitLogin(this IWebDriver driver, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var before = driver.FindElement(By.TagName("html"));
        driver.FindElement(By.Id("email")).SendKeys(email);
        driver.FindElement(By.Id("motdepasse")).SendKeys(password);
        driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
        Chromium.WaitUntil(driver, _ => IsGone(before), "the page that answers the login form");
        if (new Uri(driver.Url).AbsolutePath == "/Account/TwoFactor")
        {
            var codeStep = driver.FindElement(By.TagName("html"));
            driver.FindElement(By.Id("code")).SendKeys(AuthenticatorCode(email));
            driver.FindElement(By.CssSelector("main form button[type=submit]")).Click();
            Chromium.WaitUntil(driver, _ => IsGone(codeStep), "the page that answers the code");
        }
    }

    private static readonly Dictionary<string, long> LastStep = [];

    /// <summary>
    /// The code the demo account's authenticator application shows, as its owner would type it: each 30-second step is
    /// accepted once per account, and the next step is accepted early, so a second sign-in within the same step uses the
    /// next one and a third waits for it.
    /// </summary>
    public static string AuthenticatorCode(string email)
    {
        lock (LastStep)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var step = Math.Max(now, LastStep.GetValueOrDefault(email) + 1);
            if (step > now + 1)
            {
                Thread.Sleep(TimeSpan.FromSeconds(((step - 1) * 30) - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
            }

            LastStep[email] = step;
            return Infrastructure.Identity.MultiFactor.CodeAt(PtceSite.DemoAuthenticatorKey, DateTimeOffset.FromUnixTimeSeconds(step * 30));
        }
    }

    /// <summary>Opens the login page directly and signs in.</summary>
    public static void SignIn(this IWebDriver driver, PtceSite site, string email)
    {
        driver.Open(site, "/Account/Login");
        driver.SubmitLogin(email, PtceSite.DemoPassword);
        Chromium.WaitUntil(driver, d => d.FindElements(By.CssSelector("[data-testid=utilisateur]")).Count > 0, $"{email} to be signed in");
    }

    public static string PathAndQuery(this IWebDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return new Uri(driver.Url).PathAndQuery;
    }

    public static string Text(this IWebDriver driver, string cssSelector)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return driver.FindElement(By.CssSelector(cssSelector)).Text;
    }

    private static bool IsGone(IWebElement element)
    {
        try
        {
            _ = element.TagName;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
        catch (UnknownErrorException exception) when (exception.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // Chromium's wording for the same thing while the old document is being replaced.
            return true;
        }
    }
}
