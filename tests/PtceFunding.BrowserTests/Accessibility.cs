using System.Text.Json;
using OpenQA.Selenium;
using Xunit.Sdk;

namespace PtceFunding.BrowserTests;

/// <summary>Runs axe-core in the page the browser shows.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: the test project's build copies it from node_modules/axe-core (npm ci).");
    });

    private const string RunAxe = """
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
            .then(results => done(JSON.stringify(results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                targets: v.nodes.map(n => n.target.flat().join(' ')),
            })))))
            .catch(error => done(JSON.stringify({ error: String(error) })));
        """;

    /// <summary>Fails, listing them all, when axe finds a serious or critical violation in the current page.</summary>
    public static void AssertNoSeriousViolations(IWebDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var executor = (IJavaScriptExecutor)driver;
        executor.ExecuteScript(AxeSource.Value);
        var json = executor.ExecuteAsyncScript(RunAxe) as string
            ?? throw new XunitException($"axe answered nothing on {driver.Url}");

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            throw new XunitException($"axe could not run on {driver.Url}: {document.RootElement.GetProperty("error").GetString()}");
        }

        var serious = document.RootElement.Deserialize<Violation[]>(JsonOptions)!
            .Where(v => v.Impact is "serious" or "critical")
            .ToList();
        if (serious.Count == 0)
        {
            return;
        }

        var lines = serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} — {v.Targets.Count} element(s): {string.Join(", ", v.Targets.Take(5))}");
        throw new XunitException(
            $"axe found {serious.Count} serious or critical violation(s) on {driver.Url}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, lines) + Environment.NewLine +
            $"Screenshot: {Chromium.Screenshot(driver)}");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets);
}
