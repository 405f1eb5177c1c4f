using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Users;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.IntegrationTests.Agreements;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>
/// Two-factor authentication (issue 15, ASVS V2.8): required of administrators and finance officers, enrolled on a French
/// page with a QR code drawn by the platform, then asked after the password on the pages and at the token endpoint; each
/// code once; ten recovery codes, each once; wrong codes count towards the lockout.
/// </summary>
public sealed partial class MultiFactorTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_finance_officer_without_a_second_factor_records_no_payment_and_is_sent_to_the_enrolment_page()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(await agreement.Finance(agreement.State), advance);
        var funder = await app.Db(db => db.Funders.SingleAsync(f => f.Id == agreement.State));
        var email = await app.AddUser(Roles.FinanceOfficer, funder, enrolled: false);
        var passwordOnly = await app.ClientFor(email);

        var payment = await AgreementSetup.Pay(passwordOnly, advance, "sans-mfa", advance.Amount);

        Assert.Equal(HttpStatusCode.Forbidden, payment.StatusCode);
        Assert.Equal("auth.mfa_required", await Code(payment));
        Assert.Empty((await agreement.Installments(agreement.State)).Single(i => i.Id == advance.Id).Payments);
        Assert.Equal(HttpStatusCode.OK, (await passwordOnly.GetAsync("/api/me")).StatusCode);

        var browser = new CookieBrowser(app);
        var landing = await browser.Login(email, PtceApp.Password);
        Assert.Contains("data-testid=\"mfa-requise\"", landing, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", landing, StringComparison.Ordinal);
        var worklist = await browser.GetResponse("/Finances/Echeances");
        Assert.Equal("/Account/Mfa", worklist.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Enrolling_on_the_page_gives_ten_recovery_codes_then_every_sign_in_asks_for_a_code_each_accepted_once()
    {
        var funder = await app.AddFunder();
        var email = await app.AddUser(Roles.FinanceOfficer, funder, enrolled: false);
        var browser = new CookieBrowser(app);
        var page = await browser.Login(email, PtceApp.Password);
        var key = KeyShown().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var wrong = await browser.Post("/Account/Mfa", "/Account/Mfa?handler=Enable", new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Contains("Ce code est incorrect", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await browser.Post("/Account/Mfa", "/Account/Mfa?handler=Enable", new Dictionary<string, string> { ["Code"] = MultiFactor.CodeAt(key, app.Clock.GetUtcNow()) });
        var recoveryCodes = RecoveryCodeShown().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.Equal("/Finances/Echeances", (await browser.GetResponse("/Finances/Echeances")).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == SecurityEvents.EntityType && a.Operation == nameof(SecurityEvent.MfaEnabled) && a.ActorName == email)));

        var client = app.CreateClient();
        var noCode = await client.PostToken(new { email, password = PtceApp.Password });
        Assert.Equal((HttpStatusCode.BadRequest, "auth.mfa_code_required"), (noCode.StatusCode, await TokenRequests.ErrorCode(noCode)));
        app.Clock.Now = app.Clock.Now.AddSeconds(30);
        var code = MultiFactor.CodeAt(key, app.Clock.GetUtcNow());
        var withCode = await client.PostToken(new { email, password = PtceApp.Password, code });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        var replayed = await client.PostToken(new { email, password = PtceApp.Password, code });
        Assert.Equal((HttpStatusCode.BadRequest, "auth.mfa_code_invalid"), (replayed.StatusCode, await TokenRequests.ErrorCode(replayed)));

        var recovered = await client.PostToken(new { email, password = PtceApp.Password, recoveryCode = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        var spent = await client.PostToken(new { email, password = PtceApp.Password, recoveryCode = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.BadRequest, spent.StatusCode);

        var token = (await withCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var withToken = app.CreateClient();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await withToken.GetAsync("/api/bank-details/pending")).StatusCode);
    }

    [Fact]
    public async Task The_login_page_asks_an_enrolled_administrator_for_the_code_after_the_password()
    {
        var email = await app.AddUser(Roles.Administrator);
        var browser = new CookieBrowser(app);

        var afterPassword = await browser.Post("/Account/Login?ReturnUrl=%2FAdmin%2FAudit", new Dictionary<string, string> { ["Email"] = email, ["Password"] = PtceApp.Password });
        Assert.Equal("/Account/TwoFactor", afterPassword.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/Account/Login", (await browser.GetResponse("/Admin/Audit")).RequestMessage!.RequestUri!.AbsolutePath);

        var signedIn = await browser.Post(afterPassword.RequestMessage.RequestUri.PathAndQuery, new Dictionary<string, string> { ["Code"] = await app.AuthenticatorCode(email) });

        Assert.Equal("/Admin/Audit", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Five_wrong_codes_after_the_right_password_lock_the_account()
    {
        var email = await app.AddUser(Roles.Administrator);
        var client = app.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostToken(new { email, password = PtceApp.Password, code = "123456" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var right = await client.PostToken(new { email, password = PtceApp.Password, code = await app.AuthenticatorCode(email) });
        Assert.Equal((HttpStatusCode.BadRequest, "auth.locked_out"), (right.StatusCode, await TokenRequests.ErrorCode(right)));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.Operation == nameof(SecurityEvent.LockedOut) && a.ActorName == email)));
    }

    [Fact]
    public async Task An_administrator_of_the_funder_resets_the_second_factor_of_a_finance_officer_who_lost_it_and_she_enrols_again()
    {
        var funder = await app.AddFunder();
        var email = await app.AddUser(Roles.FinanceOfficer, funder);
        var finance = await app.ClientFor(email);
        var userId = await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var elsewhere = await app.ClientFor(Roles.Administrator, await app.AddFunder(name: "Autre financeur (réinitialisation)"));
        var administratorEmail = await app.AddUser(Roles.Administrator, funder);
        var administrator = await app.ClientFor(administratorEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.DeleteAsync($"/api/admin/users/{userId}/second-factor")).StatusCode);
        var own = await administrator.DeleteAsync($"/api/admin/users/{await app.Db(db => db.Users.Where(u => u.Email == administratorEmail).Select(u => u.Id).SingleAsync())}/second-factor");
        Assert.Equal("user.own_account", await Code(own));
        Assert.Equal(HttpStatusCode.NoContent, (await administrator.DeleteAsync($"/api/admin/users/{userId}/second-factor")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await finance.GetAsync("/api/bank-details/pending")).StatusCode);
        var passwordOnly = await app.CreateClient().PostToken(new { email, password = PtceApp.Password });
        Assert.Equal(HttpStatusCode.OK, passwordOnly.StatusCode);
        var again = app.CreateClient();
        again.DefaultRequestHeaders.Authorization = new("Bearer", (await passwordOnly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        var refused = await again.GetAsync("/api/bank-details/pending");
        Assert.Equal((HttpStatusCode.Forbidden, "auth.mfa_required"), (refused.StatusCode, await Code(refused)));
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.Operation == nameof(SecurityEvent.MfaReset) && a.ActorName == email)));
    }

    [Fact]
    public async Task The_same_code_sent_by_several_requests_at_once_gives_one_token_and_clean_refusals()
    {
        var email = await app.AddUser(Roles.Administrator);
        foreach (var round in new[] { 1, 2 })
        {
            // Round 1 races to create the account's record of spent codes, round 2 to update it.
            var code = await app.AuthenticatorCode(email);
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.CreateClient().PostToken(new { email, password = PtceApp.Password, code })));

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            // The others are refused as a replay (400), or meet the winner's write to the account (409, as any concurrent edit).
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
            app.Clock.Now = app.Clock.Now.AddSeconds(30 * round);
        }
    }

    private static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    [GeneratedRegex("data-testid=\"cle-authentification\">([a-z2-7 ]+)<")]
    private static partial Regex KeyShown();

    [GeneratedRegex("<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>")]
    private static partial Regex RecoveryCodeShown();
}
