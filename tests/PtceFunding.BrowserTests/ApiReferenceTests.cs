using OpenQA.Selenium;

namespace PtceFunding.BrowserTests;

/// <summary>The partners' API reference (Scalar) renders the OpenAPI document, with no breach of the content security policy.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApiReferenceTests : IClassFixture<Chromium>
{
    private readonly PtceSite _site;
    private readonly Chromium _chromium;
    private readonly IWebDriver _browser;

    public ApiReferenceTests(PtceSite site, Chromium chromium)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        _site = site;
        _chromium = chromium;
        _browser = chromium.Fresh();
    }

    [Fact]
    public void A_partner_reads_the_api_reference_rendered_from_the_openapi_document_within_the_content_security_policy()
    {
        // Every violation of the policy is recorded from the first script of the page on.
        var watcher = _chromium.Driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?>
        {
            ["source"] = "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
        });
        try
        {
            _browser.Open(_site, "/api-reference");

            Chromium.WaitUntil(_browser, b => b.FindElement(By.TagName("body")).Text.Contains("PtceFunding — API", StringComparison.Ordinal), "the reference rendered from the OpenAPI document");
            Chromium.WaitUntil(_browser, b => b.FindElement(By.TagName("body")).Text.Contains("Paiements", StringComparison.Ordinal), "the operations listed by tag");
            Assert.DoesNotContain("Ask AI", _browser.FindElement(By.TagName("body")).Text, StringComparison.Ordinal);
            _browser.FindElements(By.XPath("//*[normalize-space(.)='Paiements' and not(*[normalize-space(.)='Paiements'])]")).First(e => e.Displayed).Click();
            Chromium.WaitUntil(_browser, b => b.FindElement(By.TagName("body")).Text.Contains("Enregistre un paiement", StringComparison.Ordinal), "the payment operations shown");

            // The viewer probes for eval, which the policy refuses (and it does without); nothing else is blocked.
            var violations = ((IReadOnlyCollection<object>)((IJavaScriptExecutor)_browser).ExecuteScript("return window.cspViolations;")!).Select(v => (string)v).ToList();
            Assert.DoesNotContain(violations, v => v != "script-src eval");
        }
        finally
        {
            _chromium.Driver.ExecuteCdpCommand("Page.removeScriptToEvaluateOnNewDocument", new Dictionary<string, object?>
            {
                ["identifier"] = ((Dictionary<string, object>)watcher!)["identifier"],
            });
        }
    }
}
