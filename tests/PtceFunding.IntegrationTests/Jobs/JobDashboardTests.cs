using System.Net;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Jobs;

/// <summary>Hangfire's dashboard under the administrators' area: platform administrators only, within the site's security headers.</summary>
public sealed class JobDashboardTests(PtceApp app) : IClassFixture<PtceApp>
{
    private const string Dashboard = "/Admin/Hangfire";

    [Fact]
    public async Task Only_a_platform_administrator_opens_the_dashboard()
    {
        var region = await app.AddFunder(FunderKind.Region, "53");
        var refused = new List<(string Who, string Email)>
        {
            ("applicant", await app.AddUser(Roles.Applicant)),
            ("program officer", await app.AddUser(Roles.ProgramOfficer, region)),
            ("reviewer", await app.AddUser(Roles.Reviewer)),
            ("committee member", await app.AddUser(Roles.CommitteeMember, region)),
            ("finance officer", await app.AddUser(Roles.FinanceOfficer, region)),
            ("administrator of one funder", await app.AddUser(Roles.Administrator, region)),
        };

        var anonymous = await new CookieBrowser(app).GetWithoutFollowing(Dashboard);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        foreach (var (who, email) in refused)
        {
            var browser = new CookieBrowser(app);
            await browser.Login(email, PtceApp.Password);
            foreach (var path in new[] { Dashboard, Dashboard + "/jobs/failed", Dashboard + "/recurring", Dashboard + "/stats" })
            {
                var response = await browser.GetWithoutFollowing(path);
                Assert.True(
                    response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath.StartsWith("/Account/AccessDenied", StringComparison.Ordinal)),
                    $"{who} on {path}: {(int)response.StatusCode} {response.Headers.Location}");
                Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            }
        }

        var admin = new CookieBrowser(app);
        await admin.Login(await app.AddUser(Roles.Administrator), PtceApp.Password);
        var home = await admin.GetWithoutFollowing(Dashboard);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var recurring = await admin.GetWithoutFollowing(Dashboard + "/recurring");
        var page = await recurring.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
        Assert.Contains("SweepReminders", page, StringComparison.Ordinal);
        Assert.Contains("DeliverNotifications", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'self'", recurring.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
