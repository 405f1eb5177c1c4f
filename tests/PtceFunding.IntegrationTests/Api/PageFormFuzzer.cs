using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;

namespace PtceFunding.IntegrationTests.Api;

/// <summary>
/// The pages' side of the fuzz test: every form the signed-in consortium user and the administrator are shown (every
/// page of the endpoint data source, and the consortium's draft), posted with its anti-forgery token and each field
/// missing, empty, 100 kB long, holding U+0000, and — for number and date inputs — malformed and out-of-range values.
/// A refused form re-renders its page: no 5xx, and nothing written unless the post succeeded (a redirect).
/// </summary>
internal sealed partial class PageFormFuzzer(PtceApp app)
{
    public int Sent { get; private set; }

    public SortedDictionary<int, int> ByStatus { get; } = [];

    public List<string> Violations { get; } = [];

    public async Task Run()
    {
        var (consortium, _, draftId) = await Consortium.CompleteDraft(app, "Formulaires");
        var leadEmail = consortium.LeadEmail;
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath)
            .Where(p => p is not null && !p.StartsWith("/Account", StringComparison.Ordinal))
            .Select(p => p!)
            .Distinct()
            .ToList();

        await FuzzAs(await SignedIn(leadEmail), [.. pages, $"/Portail/Candidatures/Dossier?id={draftId}"]);
        await FuzzAs(await SignedIn(await app.AddUser(Roles.Administrator)), pages);
    }

    private async Task FuzzAs(HttpClient browser, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            using var page = await browser.GetAsync(path);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var html = await page.Content.ReadAsStringAsync();
            foreach (Match form in Form().Matches(html))
            {
                var action = WebUtility.HtmlDecode(Action().Match(form.Value) is { Success: true } found ? found.Groups[1].Value : path);
                var fields = Fields(form.Value);
                if (!fields.Any(f => f.Name == "__RequestVerificationToken") || Multipart().IsMatch(form.Value))
                {
                    continue;
                }

                foreach (var (field, variant, value, remove) in Variants(fields))
                {
                    var posted = fields.Where(f => !(remove && f.Name == field)).Select(f => new KeyValuePair<string, string>(f.Name, f.Name == field ? value : f.Value));
                    await Post(browser, action, posted, $"{path} → {action}, {field} {variant}");
                }
            }
        }
    }

    private async Task Post(HttpClient browser, string action, IEnumerable<KeyValuePair<string, string>> fields, string where)
    {
        var before = await Written();
        using var response = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        var status = (int)response.StatusCode;
        Sent++;
        ByStatus[status] = ByStatus.GetValueOrDefault(status) + 1;
        if (status >= 500)
        {
            var body = await response.Content.ReadAsStringAsync();
            Violations.Add($"{status} for {where}: {body[..Math.Min(body.Length, 400)]}");
        }
        else if (status != (int)HttpStatusCode.Redirect && await Written() != before)
        {
            Violations.Add($"{status} (not a success) but something was written for {where}");
        }
    }

    private static IEnumerable<(string Field, string Variant, string Value, bool Remove)> Variants(List<(string Name, string Value, string Type)> fields)
    {
        foreach (var (name, _, type) in fields.Where(f => f.Name != "__RequestVerificationToken"))
        {
            yield return (name, "missing", "", true);
            yield return (name, "empty", "", false);
            yield return (name, "100 kB", new string('é', 100_000), false);
            yield return (name, "U+0000", "a\u0000b", false);
            if (type is "number" or "text" && name.Contains("Amount", StringComparison.OrdinalIgnoreCase) || type == "number")
            {
                yield return (name, "not a number", "douze", false);
                yield return (name, "huge", "79228162514264337593543950335", false);
                yield return (name, "negative", "-1", false);
            }

            if (type == "date")
            {
                yield return (name, "9999-12-31", "9999-12-31", false);
                yield return (name, "0001-01-01", "0001-01-01", false);
                yield return (name, "malformed date", "32/13/2027", false);
            }
        }
    }

    private static List<(string Name, string Value, string Type)> Fields(string form) =>
        [.. Input().Matches(form).Select(m => (Name: Attribute(m.Value, "name"), Value: Attribute(m.Value, "value"), Type: Attribute(m.Value, "type")))
            .Concat(Select().Matches(form).Select(m => (Name: Attribute(m.Value, "name"), Value: Option().Match(m.Value).Groups[1].Value, Type: "select")))
            .Concat(TextArea().Matches(form).Select(m => (Name: Attribute(m.Value, "name"), Value: WebUtility.HtmlDecode(m.Groups[1].Value), Type: "textarea")))
            .Where(f => f.Name.Length > 0 && f.Type is not ("submit" or "checkbox" or "radio" or "file"))
            .DistinctBy(f => f.Name)];

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } found ? WebUtility.HtmlDecode(found.Groups[1].Value) : "";

    private async Task<HttpClient> SignedIn(string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(Token().Match(login).Groups[1].Value);
        using var response = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = PtceApp.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    private Task<(int Audit, int Outbox)> Written() =>
        app.Db(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, a => a.EntityType != PtceFunding.Infrastructure.Identity.SecurityEvents.EntityType), await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Notifications)));

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex("^<form[^>]*\\saction=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Action();

    [GeneratedRegex("^<form[^>]*enctype=\"multipart/form-data\"", RegexOptions.IgnoreCase)]
    private static partial Regex Multipart();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex("<select[^>]*>.*?</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Select();

    [GeneratedRegex("<option[^>]*value=\"([^\"]*)\"[^>]*selected", RegexOptions.IgnoreCase)]
    private static partial Regex Option();

    [GeneratedRegex("<textarea[^>]*>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextArea();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
