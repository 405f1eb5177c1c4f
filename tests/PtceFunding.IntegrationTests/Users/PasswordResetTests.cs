using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Users;

/// <summary>
/// The account e-mails end to end: the request goes through HTTP, the outbox is drained to a real
/// SMTP server, and the link read from the received e-mail is what the next step uses.
/// </summary>
public sealed partial class PasswordResetTests(PtceApp app) : IClassFixture<PtceApp>
{
    private const string NewPassword = "Nouveau-Secret-2027!";
    private const string ExpiredLink = "Ce lien n'est plus valable : demandez-en un nouveau.";

    [Fact]
    public async Task A_reset_request_sends_one_french_email_whose_link_sets_a_new_password()
    {
        var email = await app.AddUser(Roles.ProgramOfficer);
        var client = app.CreateClient();

        // A double click: two requests within the same minute.
        var first = await client.PostAsJsonAsync("/api/auth/password-reset-requests", new { email });
        var second = await client.PostAsJsonAsync("/api/auth/password-reset-requests", new { email = email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Empty(app.Mail.To(email));
        await app.DeliverNotifications();

        var message = Assert.Single(app.Mail.To(email));
        Assert.Equal("Réinitialisation de votre mot de passe PtceFunding", message.Subject);
        Assert.Contains("Bonjour ProgramOfficer,", message.Text, StringComparison.Ordinal);
        Assert.Contains("Si vous n'êtes pas à l'origine de cette demande", message.Text, StringComparison.Ordinal);
        var link = ResetLink(message.Text);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\"", message.Html, StringComparison.Ordinal);
        var (linkEmail, token) = (Query(link, "email"), Query(link, "token"));
        Assert.Equal(email, linkEmail);

        var reset = await client.PostAsJsonAsync("/api/auth/password-resets", new { email = linkEmail, token, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostToken(new { email, password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostToken(new { email, password = PtceApp.Password })).StatusCode);

        // The link works once: the new password changed what the token was bound to.
        var again = await client.PostAsJsonAsync("/api/auth/password-resets", new { email, token, newPassword = "Encore-Un-Autre-2027!" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostToken(new { email, password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task The_outbox_keeps_the_reset_link_sealed_until_it_leaves_and_forgets_it_once_sent()
    {
        var email = await app.AddUser(Roles.FinanceOfficer);
        (await app.CreateClient().PostAsJsonAsync("/api/auth/password-reset-requests", new { email })).EnsureSuccessStatusCode();

        var pending = await app.Db(db => db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientEmail == email));
        await app.DeliverNotifications();
        var sent = await app.Db(db => db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientEmail == email));
        var token = Query(ResetLink(Assert.Single(app.Mail.To(email)).Text), "token");

        Assert.True(pending.Sensitive);
        Assert.DoesNotContain("ResetPassword", pending.TextBody + pending.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(token, pending.TextBody + pending.HtmlBody, StringComparison.Ordinal);
        Assert.Equal((Domain.Notifications.Notification.Forgotten, Domain.Notifications.Notification.Forgotten), (sent.TextBody, sent.HtmlBody));
        Assert.Equal(Domain.Notifications.DeliveryStatus.Sent, sent.Status);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_nothing_is_sent()
    {
        var known = await app.AddUser(Roles.Reviewer);
        var unknown = $"personne.{Guid.NewGuid():N}@test.ptce.fr";
        var client = app.CreateClient();

        var forKnown = await client.PostAsJsonAsync("/api/auth/password-reset-requests", new { email = known });
        var forUnknown = await client.PostAsJsonAsync("/api/auth/password-reset-requests", new { email = unknown });
        await app.DeliverNotifications();

        Assert.Equal(HttpStatusCode.Accepted, forUnknown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        Assert.Single(app.Mail.To(known));
        Assert.Empty(app.Mail.To(unknown));
        Assert.False(await app.Db(db => db.Notifications.AnyAsync(n => n.RecipientEmail == unknown)));
    }

    [Fact]
    public async Task A_malformed_address_is_a_400_with_a_field_error()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/password-reset-requests", new { email = "pas-une-adresse" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("L'adresse électronique est invalide.", FieldError(await response.Content.ReadFromJsonAsync<JsonElement>(), "Email"));
    }

    [Fact]
    public async Task A_tampered_token_is_refused_with_a_field_error_and_the_password_is_unchanged()
    {
        var email = await app.AddUser(Roles.FinanceOfficer);
        var token = await RequestResetToken(email);
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var client = app.CreateClient();

        foreach (var bad in new[] { tampered, "pas*du*base64", token + "AAAA" })
        {
            var response = await client.PostAsJsonAsync("/api/auth/password-resets", new { email, token = bad, newPassword = NewPassword });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(ExpiredLink, FieldError(problem, "Token"));
            Assert.Equal("validation", problem.GetProperty("code").GetString());
        }

        // Somebody else's address with a genuine token is refused alike.
        var other = await app.AddUser(Roles.FinanceOfficer);
        var stolen = await client.PostAsJsonAsync("/api/auth/password-resets", new { email = other, token, newPassword = NewPassword });
        Assert.Equal(ExpiredLink, FieldError(await stolen.Content.ReadFromJsonAsync<JsonElement>(), "Token"));

        Assert.Equal(HttpStatusCode.OK, (await client.PostToken(new { email, password = PtceApp.Password, code = await app.AuthenticatorCode(email) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostToken(new { email = other, password = PtceApp.Password, code = await app.AuthenticatorCode(other) })).StatusCode);
    }

    [Fact]
    public async Task A_new_password_that_breaks_the_policy_is_refused_in_french_and_the_link_still_works()
    {
        var email = await app.AddUser(Roles.CommitteeMember);
        var token = await RequestResetToken(email);
        var client = app.CreateClient();

        var weak = await client.PostAsJsonAsync("/api/auth/password-resets", new { email, token, newPassword = "court" });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("au moins 12 caractères", FieldError(await weak.Content.ReadFromJsonAsync<JsonElement>(), "NewPassword"), StringComparison.Ordinal);
        var empty = await client.PostAsJsonAsync("/api/auth/password-resets", new { email, token, newPassword = "" });
        Assert.Equal("Le nouveau mot de passe est obligatoire.", FieldError(await empty.Content.ReadFromJsonAsync<JsonElement>(), "NewPassword"));

        var strong = await client.PostAsJsonAsync("/api/auth/password-resets", new { email, token, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, strong.StatusCode);
    }

    [Fact]
    public async Task A_reset_unlocks_a_locked_account()
    {
        var email = await app.AddUser(Roles.ProgramOfficer);
        var client = app.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostToken(new { email, password = "Mauvais-mot-de-passe-1!" });
        }

        var locked = await client.PostToken(new { email, password = PtceApp.Password });
        Assert.Equal("auth.locked_out", await TokenRequests.ErrorCode(locked));

        var token = await RequestResetToken(email);
        var reset = await client.PostAsJsonAsync("/api/auth/password-resets", new { email, token, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Contains(app.Mail.To(email), m => m.Subject == "Votre compte PtceFunding est temporairement verrouillé");
        Assert.Equal(HttpStatusCode.OK, (await client.PostToken(new { email, password = NewPassword })).StatusCode);
        var account = await app.Db(db => db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Null(account.LockoutEnd);
        Assert.Equal(0, account.AccessFailedCount);
    }

    [Fact]
    public async Task The_reset_pages_take_the_link_from_the_email_to_a_new_password()
    {
        var email = await app.AddUser(Roles.Applicant);
        var browser = new CookieBrowser(app);

        Assert.Contains("href=\"/Account/ForgotPassword\"", await browser.Get("/Account/Login"), StringComparison.Ordinal);
        var asked = await (await browser.Post("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email })).Content.ReadAsStringAsync();
        var askedForNobody = await (await browser.Post("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = $"x{email}" })).Content.ReadAsStringAsync();
        Assert.Contains("Si un compte correspond à cette adresse, un courriel vient de vous être envoyé.", asked, StringComparison.Ordinal);
        Assert.Contains("Si un compte correspond à cette adresse, un courriel vient de vous être envoyé.", askedForNobody, StringComparison.Ordinal);
        await app.DeliverNotifications();
        var link = ResetLink(Assert.Single(app.Mail.To(email)).Text);

        var mismatch = await (await browser.Post(link.PathAndQuery, new Dictionary<string, string> { ["Email"] = email, ["Token"] = Query(link, "token"), ["NewPassword"] = NewPassword, ["Confirmation"] = "Autre-Chose-2027!" })).Content.ReadAsStringAsync();
        Assert.Contains("Les deux mots de passe saisis sont différents.", mismatch, StringComparison.Ordinal);
        var done = await browser.Post(link.PathAndQuery, new Dictionary<string, string> { ["Email"] = email, ["Token"] = Query(link, "token"), ["NewPassword"] = NewPassword, ["Confirmation"] = NewPassword });

        Assert.Contains("Votre nouveau mot de passe est enregistré.", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", string.Join("", done.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("<h1>Bonjour Applicant</h1>", await browser.Login(email, NewPassword), StringComparison.Ordinal);
        var reused = await (await new CookieBrowser(app).Post(link.PathAndQuery, new Dictionary<string, string> { ["Email"] = email, ["Token"] = Query(link, "token"), ["NewPassword"] = "Encore-Un-Autre-2027!", ["Confirmation"] = "Encore-Un-Autre-2027!" })).Content.ReadAsStringAsync();
        Assert.Contains(ExpiredLink, WebUtility.HtmlDecode(reused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_the_email_address_goes_through_the_link_sent_to_it()
    {
        var email = await app.AddUser(Roles.Applicant);
        // Signed in first: an unconfirmed account cannot obtain a token (this one was, say, signed in on another device).
        var me = await app.ClientFor(email);
        await app.Db(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));

        var asked = await me.PostAsync("/api/me/email-confirmation", null);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await app.DeliverNotifications();

        var message = Assert.Single(app.Mail.To(email));
        Assert.Equal("Confirmez votre adresse électronique", message.Subject);
        var link = new Uri(ConfirmationLinkPattern().Match(message.Text).Value);
        var userId = await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(userId.ToString(), Query(link, "userId"));

        var browser = new CookieBrowser(app);
        var opened = await browser.Get(link.PathAndQuery);
        Assert.Contains("Confirmer mon adresse", opened, StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));

        var tampered = await (await browser.Post(link.PathAndQuery, new Dictionary<string, string> { ["UserId"] = userId.ToString(), ["Token"] = Query(link, "token")[..^4] + "AAAA" })).Content.ReadAsStringAsync();
        Assert.Contains(ExpiredLink, WebUtility.HtmlDecode(tampered), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));

        var confirmed = await (await browser.Post(link.PathAndQuery, new Dictionary<string, string> { ["UserId"] = userId.ToString(), ["Token"] = Query(link, "token") })).Content.ReadAsStringAsync();
        Assert.Contains("Votre adresse électronique est confirmée.", confirmed, StringComparison.Ordinal);
        Assert.True(await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));

        var already = await me.PostAsync("/api/me/email-confirmation", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, already.StatusCode);
    }

    /// <summary>Asks for a reset by HTTP and answers the token of the link in the e-mail received.</summary>
    private async Task<string> RequestResetToken(string email)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/password-reset-requests", new { email });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await app.DeliverNotifications();
        return Query(ResetLink(Assert.Single(app.Mail.To(email), m => m.Subject == "Réinitialisation de votre mot de passe PtceFunding").Text), "token");
    }

    private static Uri ResetLink(string text)
    {
        var match = ResetLinkPattern().Match(text);
        Assert.True(match.Success, $"no reset link in: {text}");
        return new Uri(match.Value);
    }

    private static string Query(Uri link, string name) => QueryHelpers.ParseQuery(link.Query)[name].ToString();

    private static string FieldError(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    [GeneratedRegex(@"https://ptce\.test/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLinkPattern();

    [GeneratedRegex(@"https://ptce\.test/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmationLinkPattern();
}
