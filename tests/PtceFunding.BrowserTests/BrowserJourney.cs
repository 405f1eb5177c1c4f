using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

/// <summary>What a person does with forms, for the tests that walk through several pages: type, choose, press and wait for the answer.</summary>
public abstract class BrowserJourney
{
    protected BrowserJourney(Chromium chromium)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        Browser = chromium.Fresh();
    }

    protected IWebDriver Browser { get; }

    protected void Click(By locator) => Browser.FindElement(locator).Click();

    protected void Type(By locator, string text) => Type(Browser.FindElement(locator), text);

    protected static void Type(IWebElement input, string text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        input.Clear();
        if (text.Length > 0)
        {
            input.SendKeys(text);
        }
    }

    protected void Choose(string selectId, string optionText) => Choose(Browser.FindElement(By.Id(selectId)), optionText);

    /// <summary>Picks the option whose text starts with <paramref name="optionText"/>.</summary>
    protected static void Choose(IWebElement select, string optionText)
    {
        ArgumentNullException.ThrowIfNull(select);
        select.FindElement(By.XPath($".//option[starts-with(normalize-space(.), \"{optionText}\")]")).Click();
    }

    /// <summary>Presses a button of the page and waits for the page that answers, which must confirm, not refuse.</summary>
    protected void Save(string button)
    {
        SubmitAndWait(By.XPath($"//main//button[normalize-space(.)=\"{button}\"]"), d => d.FindElements(By.CssSelector(".fr-alert--success, .fr-alert--error")).Count > 0);
        var errors = Browser.FindElements(By.CssSelector(".fr-alert--error"));
        Assert.True(errors.Count == 0, $"« {button} » was refused: {string.Join(" / ", errors.Select(e => e.Text))}");
    }

    protected void SubmitAndWait(By button, Func<IWebDriver, bool> answered)
    {
        var before = Browser.FindElement(By.TagName("html"));
        Browser.FindElement(button).Click();
        WaitFor("the page to be replaced", _ => IsStale(before));
        WaitFor("the answer", answered);
    }

    protected void WaitFor(string what, Func<IWebDriver, bool> condition) => Chromium.WaitUntil(Browser, condition, what);

    private static bool IsStale(IWebElement element)
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
        catch (WebDriverException exception) when (exception.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // Chromium's wording for the same thing while the old document is being replaced.
            return true;
        }
    }
}
