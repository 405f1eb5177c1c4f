using System.Net.Http.Json;
using System.Text.Json;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>Sign-ins, failures, lockouts, tokens and sign-outs are in the audit trail, for administrators, without secrets.</summary>
public sealed class SecurityEventTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task The_audit_trail_shows_each_security_event_of_an_account_with_its_address_and_no_password()
    {
        var funder = await app.AddFunder();
        var email = await app.AddUser(Roles.ProgramOfficer, funder);
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        await browser.Post("/Account/Logout", new Dictionary<string, string>());
        await app.ClientFor(email);
        var unknown = $"inconnu.{Guid.NewGuid():N}@test.ptce.fr";
        await app.CreateClient().PostToken(new { email = unknown, password = "Devinette-Secrete-42" });
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await app.CreateClient().PostToken(new { email, password = "Devinette-Secrete-42" });
        }

        var platform = await app.ClientFor(Roles.Administrator, null);
        var trail = await platform.GetFromJsonAsync<JsonElement>("/api/admin/audit?entityType=Compte&pageSize=200");
        var lines = trail.GetProperty("items").EnumerateArray().ToList();
        var mine = lines.Where(l => l.GetProperty("actorName").GetString() == email).Select(l => l.GetProperty("operation").GetString()).Reverse().ToList();

        Assert.Equal(["SignIn", "SignOut", "TokenIssued", "SignInFailed", "SignInFailed", "SignInFailed", "SignInFailed", "LockedOut"], mine);
        Assert.Contains(lines, l => l.GetProperty("actorName").GetString() == unknown && l.GetProperty("operation").GetString() == "SignInFailed");
        Assert.DoesNotContain("Devinette", trail.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(PtceApp.Password, trail.GetRawText(), StringComparison.Ordinal);
        var funderAdmin = await app.ClientFor(Roles.Administrator, funder);
        var theirs = await funderAdmin.GetFromJsonAsync<JsonElement>("/api/admin/audit?entityType=Compte&pageSize=200");
        Assert.All(theirs.GetProperty("items").EnumerateArray(), l => Assert.NotEqual(unknown, l.GetProperty("actorName").GetString()));
        Assert.Contains(theirs.GetProperty("items").EnumerateArray(), l => l.GetProperty("actorName").GetString() == email);
    }
}
