using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.Web.Security;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>
/// Every endpoint and page of the application, read from the endpoint data source, carries an
/// explicit policy or is on the reviewed public allow-list; anonymous callers are turned away
/// (401, or the login page for pages) and callers of the wrong role get 403.
/// </summary>
public sealed class AuthorizationCoverageTests(PtceApp app, ITestOutputHelper output) : IClassFixture<PtceApp>
{
    /// <summary>The only endpoints anyone may call. Review every addition.</summary>
    private static readonly HashSet<string> PublicAllowList =
    [
        "ANY /health/live",
        "ANY /health/ready",
        "GET /openapi/{documentName}.json",
        // The partners' API reference (Scalar) and its bundled assets: the OpenAPI document, shown.
        "GET /api-reference/{documentName?}",
        "GET /api-reference/scalar.js",
        "GET /api-reference/scalar.aspnetcore.js",
        "GET /api-reference/favicon.svg",
        // The OAuth 2 server (docs/adr/0033): the token request authenticates by itself (a grant); the authorization
        // request sends whoever is not signed in to the sign-in page.
        "POST /connect/token",
        "GET /connect/authorize",
        "POST /connect/authorize",
        // Whoever forgot their password cannot sign in; the answer never reveals an account, and the
        // reset itself needs the token e-mailed to the account's address.
        "POST /api/auth/password-reset-requests",
        "POST /api/auth/password-resets",
        // Applicants open their own accounts: the answer is the same whether or not the address has
        // one, and the account signs in only once the e-mailed link has confirmed its address.
        "POST /api/account/register",
        "POST /api/account/email-confirmation-requests",
        // The open calls are published for everyone: applicants read them before they have an account.
        "GET /api/open-calls",
        "PAGE /Appels",
        // Décret 2017-779 (5 May 2017): the essential data of subsidy agreements above €23,000 are published for
        // everyone; only those grants are in these files (the full exports are under /api/open-data, for administrators).
        "GET /open-data/subventions.csv",
        "GET /open-data/360giving.json",
        "PAGE /DonneesOuvertes",
        // Calendar applications subscribe without signing in: the secret, revocable token in the address is the
        // credential (only its hash is stored); an unknown or revoked token answers 404.
        "GET /calendar/{token}.ics",
        "PAGE /Index",
        "PAGE /Error",
        "PAGE /Account/Login",
        // The second step of a sign-in: it answers only to whoever gave the right password (Identity's two-factor cookie).
        "PAGE /Account/TwoFactor",
        "PAGE /Account/AccessDenied",
        "PAGE /Account/ForgotPassword",
        "PAGE /Account/Register",
        "PAGE /Account/ResetPassword",
        // Opened from a mailbox; confirming needs the e-mailed token.
        "PAGE /Account/ConfirmEmail",
    ];

    /// <summary>Which kinds of user each policy refuses (anonymous is refused by all of them).</summary>
    private static readonly Dictionary<string, Caller[]> RefusedBy = new()
    {
        [Policies.Authenticated] = [],
        [Policies.Staff] = [Caller.Applicant],
        [Policies.Administrator] = [Caller.Applicant, Caller.Officer],
        [Policies.PlatformAdministrator] = [Caller.Applicant, Caller.Officer, Caller.FunderAdministrator],
        [Policies.ProgramOfficer] = [Caller.Applicant, Caller.FunderAdministrator, Caller.PlatformAdministrator],
        [Policies.FinanceOfficer] = [Caller.Applicant, Caller.Officer, Caller.PlatformAdministrator],
        [Policies.Reviewer] = [Caller.Applicant, Caller.Officer, Caller.PlatformAdministrator],
        [Policies.CommitteeMember] = [Caller.Applicant, Caller.Officer, Caller.PlatformAdministrator],
        [Policies.Applicant] = [Caller.Officer, Caller.FunderAdministrator, Caller.PlatformAdministrator],
        [Policies.Instructors] = [Caller.Applicant],
        [Policies.ReviewOpinionReaders] = [Caller.Applicant, Caller.FunderAdministrator, Caller.PlatformAdministrator],
        [Policies.FinanceReaders] = [Caller.Applicant, Caller.Officer],
        [Policies.AgreementReaders] = [], // reviewers and committee members are refused; which agreements is decided per agreement
        [Policies.BankDetailsEditors] = [Caller.Officer, Caller.FunderAdministrator, Caller.PlatformAdministrator],
        [Policies.ApplicationReaders] = [], // every caller here may read some applications; finance staff are refused (ApplicationSubmissionTests)
    };

    public enum Caller
    {
        Applicant,
        Officer,
        FunderAdministrator,
        PlatformAdministrator,
    }

    private sealed record Route(string Key, string Method, string Path, bool IsPage, IReadOnlyList<string> Policies, bool Anonymous, bool TakesForm = false);

    [Fact]
    public void Every_endpoint_has_an_explicit_policy_or_is_on_the_public_allow_list()
    {
        var routes = Routes();
        output.WriteLine($"{routes.Count} endpoints:");
        foreach (var route in routes)
        {
            output.WriteLine($"  {route.Key} → {(route.Anonymous ? "public" : string.Join(" + ", route.Policies))}");
        }

        Assert.True(routes.Count >= 15, "the endpoint data source should list the API and the pages");
        Assert.Empty(routes.Where(r => r.Anonymous && !PublicAllowList.Contains(r.Key)).Select(r => r.Key + " is public but not on the allow-list"));
        Assert.Empty(routes.Where(r => !r.Anonymous && r.Policies.Count == 0).Select(r => r.Key + " has no explicit policy"));
        Assert.Empty(routes.SelectMany(r => r.Policies).Distinct().Where(p => !RefusedBy.ContainsKey(p)).Select(p => $"policy {p} has no expectations here"));
        Assert.Empty(PublicAllowList.Where(key => routes.All(r => r.Key != key)).Select(k => k + " is allowed but no longer exists: remove it"));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_api_and_the_login_page_from_pages()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress, AllowAutoRedirect = false });
        foreach (var route in Routes().Where(r => !r.Anonymous))
        {
            using var response = await client.SendAsync(Request(route));
            if (route.IsPage)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route.Key}: expected a redirect to the login page, got {(int)response.StatusCode}");
                Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Key}: expected 401, got {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Callers_of_the_wrong_role_get_403()
    {
        var funder = await app.AddFunder(FunderKind.StateRegionalOffice, "84");
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Applicant] = await app.ClientFor(Roles.Applicant, null),
            [Caller.Officer] = await app.ClientFor(Roles.ProgramOfficer, funder),
            [Caller.FunderAdministrator] = await app.ClientFor(Roles.Administrator, funder),
            [Caller.PlatformAdministrator] = await app.ClientFor(Roles.Administrator, null),
        };

        var checkedCalls = 0;
        foreach (var route in Routes().Where(r => !r.Anonymous))
        {
            foreach (var caller in route.Policies.SelectMany(p => RefusedBy[p]).Distinct())
            {
                using var response = await clients[caller].SendAsync(Request(route));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Key} as {caller}: expected 403, got {(int)response.StatusCode}");
                checkedCalls++;
            }
        }

        output.WriteLine($"{checkedCalls} wrong-role calls refused with 403.");
        Assert.True(checkedCalls >= 8);
    }

    private List<Route> Routes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .SelectMany(endpoint =>
            {
                var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor ? descriptor.ViewEnginePath : null;
                var methods = page is null ? endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"] : ["GET"];
                var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").Where(p => p.Length > 0).Distinct().ToList();
                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                // Routing answers 415 before authorization to a body of a type the endpoint does not take: send the right one.
                var takesForm = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
                // Hangfire's dashboard (a catch-all route under /Admin) answers as the pages do: sign-in page, access denied.
                var answersAsAPage = page is not null || path.StartsWith("/Admin/", StringComparison.Ordinal);
                return methods.Select(method => new Route(page is null ? $"{method} {path}" : $"PAGE {page}", method, path, answersAsAPage, policies, anonymous, takesForm));
            })
            .DistinctBy(r => r.Key + r.Path)
            .ToList();
    }

    private static HttpRequestMessage Request(Route route)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route.Path, "{[^}]+}", Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(route.Method == "ANY" ? "GET" : route.Method), path);
        if (route.TakesForm)
        {
            request.Content = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7"u8.ToArray()), "file", "document.pdf" } };
        }
        else if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }
}
