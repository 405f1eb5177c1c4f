using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>
/// Sessions end when they should: at sign-out (a copied cookie is worth nothing), after 30 minutes unused or 12 hours
/// whatever happens, and, for every session and token of the account, at a password reset or a lockout.
/// </summary>
public sealed class SessionTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_copied_cookie_is_refused_after_sign_out()
    {
        var browser = await SignedIn(await app.AddUser(Roles.ProgramOfficer));
        var copied = browser.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, await AsThief(copied));

        await browser.Post("/Account/Logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Unauthorized, await AsThief(copied));
        Assert.Contains("Connexion à PtceFunding", await browser.Get("/Instruction"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_session_and_token_of_the_account_ends_at_a_password_reset()
    {
        var email = await app.AddUser(Roles.FinanceOfficer);
        var browser = await SignedIn(email);
        var token = await app.ClientFor(email);
        var copied = browser.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/me")).StatusCode);

        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/password-reset-requests", new { email })).EnsureSuccessStatusCode();
        await app.DeliverNotifications();
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(Assert.Single(app.Mail.To(email)).Text, @"https://ptce\.test/Account/ResetPassword\?\S+").Value);
        var reset = await client.PostAsJsonAsync("/api/auth/password-resets", new { email, token = QueryHelpers.ParseQuery(link.Query)["token"].ToString(), newPassword = "Un-Tout-Nouveau-Secret-2027" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await AsThief(copied));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientSignedInWith(email, "Un-Tout-Nouveau-Secret-2027")).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Changing_ones_password_ends_the_other_sessions_and_tokens_and_keeps_this_browser_signed_in()
    {
        var email = await app.AddUser(Roles.FinanceOfficer);
        var here = await SignedIn(email);
        var elsewhere = await SignedIn(email);
        var token = await app.ClientFor(email);

        var wrong = await (await here.Post("/Account/ChangePassword", new Dictionary<string, string> { ["CurrentPassword"] = "Pas-Le-Bon-2026", ["NewPassword"] = "Les-Tilleuls-En-Fleur", ["Confirmation"] = "Les-Tilleuls-En-Fleur" })).Content.ReadAsStringAsync();
        Assert.Contains("Le mot de passe actuel est incorrect.", wrong, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await Me(elsewhere));

        var done = await (await here.Post("/Account/ChangePassword", new Dictionary<string, string> { ["CurrentPassword"] = PtceApp.Password, ["NewPassword"] = "Les-Tilleuls-En-Fleur", ["Confirmation"] = "Les-Tilleuls-En-Fleur" })).Content.ReadAsStringAsync();

        Assert.Contains("Mot de passe changé", done, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await Me(here));
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(elsewhere));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientSignedInWith(email, "Les-Tilleuls-En-Fleur")).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().PostToken(new { email, password = PtceApp.Password })).StatusCode);
        await app.DeliverNotifications();
        var told = Assert.Single(app.Mail.To(email));
        Assert.Equal("Le mot de passe de votre compte PtceFunding a été changé", told.Subject);
        Assert.Contains("Si vous n'êtes pas à l'origine de ce changement", told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_changes_the_password_of_the_caller_who_gives_the_current_one_and_refuses_a_common_one()
    {
        var email = await app.AddUser(Roles.Applicant);
        var client = await app.ClientFor(email);

        using var common = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = PtceApp.Password, newPassword = "Password1234!" });
        using var changed = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = PtceApp.Password, newPassword = "Trois Chats Gris Au Soleil" });

        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        Assert.Contains("trop courant", await common.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_ends_the_sessions_and_tokens_and_the_next_sign_in_has_the_new_role()
    {
        var funder = await app.AddFunder();
        var email = await app.AddUser(Roles.ProgramOfficer, funder);
        var browser = await SignedIn(email);
        var token = await app.ClientFor(email);
        var admin = await app.ClientFor(Roles.Administrator, funder);
        var userId = await UserId(email);

        using var changed = await admin.PutAsJsonAsync($"/api/admin/users/{userId}/role", new { role = Roles.Reviewer });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(browser));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me")).StatusCode);
        var me = await (await app.ClientFor(email)).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me");
        Assert.Equal([Roles.Reviewer], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_deactivated_account_is_signed_out_everywhere_and_cannot_sign_in_until_reactivated()
    {
        var funder = await app.AddFunder();
        var email = await app.AddUser(Roles.FinanceOfficer, funder);
        var browser = await SignedIn(email);
        var token = await app.ClientFor(email);
        var admin = await app.ClientFor(Roles.Administrator, funder);
        var userId = await UserId(email);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{userId}/deactivation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{userId}/deactivation", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await Me(browser));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me")).StatusCode);
        using var refused = await app.CreateClient().PostToken(new { email, password = PtceApp.Password });
        Assert.Equal("auth.invalid_credentials", await TokenRequests.ErrorCode(refused));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/users/{userId}/deactivation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(email)).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_manages_only_the_staff_of_their_funder_and_never_their_own_account()
    {
        var funder = await app.AddFunder();
        var adminEmail = await app.AddUser(Roles.Administrator, funder);
        var admin = await app.ClientFor(adminEmail);
        var otherFunders = await UserId(await app.AddUser(Roles.ProgramOfficer, await app.AddFunder(Domain.Funders.FunderKind.Region, "53")));
        var applicant = await UserId(await app.AddUser(Roles.Applicant));

        using var elsewhere = await admin.PutAsJsonAsync($"/api/admin/users/{otherFunders}/role", new { role = Roles.Reviewer });
        using var consortium = await admin.PostAsync($"/api/admin/users/{applicant}/deactivation", null);
        using var unknown = await admin.PostAsync($"/api/admin/users/{Guid.NewGuid()}/deactivation", null);
        using var self = await admin.PostAsync($"/api/admin/users/{await UserId(adminEmail)}/deactivation", null);
        using var toApplicant = await admin.PutAsJsonAsync($"/api/admin/users/{otherFunders}/role", new { role = Roles.Applicant });

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, consortium.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(self.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"{(int)self.StatusCode}");
        Assert.Equal(HttpStatusCode.BadRequest, toApplicant.StatusCode);
        Assert.Equal([Roles.ProgramOfficer], await app.Db(db => db.UserRoles.Where(r => r.UserId == otherFunders).Join(db.Roles, r => r.RoleId, x => x.Id, (_, x) => x.Name!).ToListAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_lockout_ends_the_accounts_sessions_and_tokens()
    {
        var email = await app.AddUser(Roles.Administrator);
        var browser = await SignedIn(email);
        var token = await app.ClientFor(email);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await app.CreateClient().PostToken(new { email, password = "Mauvais-mot-de-passe-1!" });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await AsThief(browser.CookieHeader));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me")).StatusCode);
        await app.DeliverNotifications();
        Assert.Equal("Votre compte PtceFunding est temporairement verrouillé", Assert.Single(app.Mail.To(email)).Subject);
    }

    [Fact]
    public async Task A_session_ends_after_30_minutes_unused_and_12_hours_in_all()
    {
        var idle = await SignedIn(await app.AddUser(Roles.Reviewer));
        var busy = await SignedIn(await app.AddUser(Roles.Reviewer));
        var start = app.Clock.Now;
        try
        {
            // The busy session is used every 20 minutes; the idle one is left 31 minutes.
            // The busy browser keeps the cookie renewed on the way.
            app.Clock.Now = start.AddMinutes(20);
            Assert.Equal(HttpStatusCode.OK, await Me(busy));
            app.Clock.Now = start.AddMinutes(31);
            Assert.Equal(HttpStatusCode.Unauthorized, await Me(idle));

            for (var minutes = 40; minutes < 12 * 60; minutes += 20)
            {
                app.Clock.Now = start.AddMinutes(minutes);
                Assert.True(HttpStatusCode.OK == await Me(busy), $"refused after {minutes} minutes of use");
            }

            app.Clock.Now = start.AddHours(12).AddMinutes(1);
            Assert.Equal(HttpStatusCode.Unauthorized, await Me(busy));
        }
        finally
        {
            app.Clock.Now = start;
        }
    }

    private Task<Guid> UserId(string email) => app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<CookieBrowser> SignedIn(string email)
    {
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        Assert.Contains("ptce.auth=", browser.CookieHeader, StringComparison.Ordinal);
        return browser;
    }

    private static async Task<HttpStatusCode> Me(CookieBrowser browser)
    {
        using var response = await browser.GetResponse("/api/me");
        return response.StatusCode;
    }

    /// <summary>Calls the API with a copy of a browser's cookies, as someone who stole them would.</summary>
    private async Task<HttpStatusCode> AsThief(string cookieHeader)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { "Cookie", cookieHeader } } };
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
