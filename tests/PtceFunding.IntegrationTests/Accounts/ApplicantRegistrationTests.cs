using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Accounts;

/// <summary>
/// Applicants open their own accounts: the address is confirmed by the link e-mailed to it before
/// the account can sign in, and registering never tells whether an address already has an account.
/// </summary>
public sealed class ApplicantRegistrationTests(PtceApp app) : IClassFixture<PtceApp>
{
    private const string Password = "Coop-Territoire-2026!";
    private const string ConfirmFirst = "Confirmez votre adresse e-mail : nous vous avons envoyé un lien.";

    [Fact]
    public async Task A_new_applicant_signs_in_only_after_following_the_confirmation_link_sent_to_them()
    {
        var email = NewAddress();
        var client = app.CreateClient();

        var registered = await client.PostAsJsonAsync("/api/account/register", new { email, displayName = "Camille Martin", password = Password, acceptsTerms = true });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        var beforeConfirming = await client.PostToken(new { email, password = Password });
        Assert.Equal(HttpStatusCode.BadRequest, beforeConfirming.StatusCode);
        var problem = await beforeConfirming.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("auth.email_unconfirmed", problem.GetProperty("error_code").GetString());
        Assert.Equal(ConfirmFirst, problem.GetProperty("error_description").GetString());

        // A wrong password on an unconfirmed account says nothing about the account.
        var wrongPassword = await client.PostToken(new { email, password = "Mauvais-Secret-2026!" });
        Assert.Equal("auth.invalid_credentials", await TokenRequests.ErrorCode(wrongPassword));

        await app.DeliverNotifications();
        var message = Assert.Single(app.Mail.To(email));
        Assert.Equal("Confirmez votre adresse électronique", message.Subject);
        Assert.Contains("Bonjour Camille Martin,", message.Text, StringComparison.Ordinal);
        Assert.Contains("Votre adresse électronique est confirmée.", await AccountLinks.Confirm(app, message), StringComparison.Ordinal);

        var afterConfirming = await client.PostToken(new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, afterConfirming.StatusCode);
        var account = await app.Db(db => db.Users.AsNoTracking().Where(u => u.Email == email)
            .Select(u => new { u.Id, u.EmailConfirmed, u.TermsAcceptedAt, u.FunderId }).SingleAsync());
        Assert.True(account.EmailConfirmed);
        Assert.Equal(app.Clock.Now.UtcDateTime, account.TermsAcceptedAt);
        Assert.Null(account.FunderId);
        var roles = await app.Db(db => (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id where link.UserId == account.Id select role.Name).ToListAsync());
        Assert.Equal([Roles.Applicant], roles);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_the_same_and_only_tells_its_owner()
    {
        var existing = await app.AddUser(Roles.ProgramOfficer);
        var fresh = NewAddress();
        var client = app.CreateClient();

        var forExisting = await client.PostAsJsonAsync("/api/account/register", new { email = existing.ToUpperInvariant(), displayName = "Intrus", password = Password, acceptsTerms = true });
        var forFresh = await client.PostAsJsonAsync("/api/account/register", new { email = fresh, displayName = "Nouvelle", password = Password, acceptsTerms = true });

        Assert.Equal(HttpStatusCode.Accepted, forExisting.StatusCode);
        Assert.Equal(forFresh.StatusCode, forExisting.StatusCode);
        Assert.Equal(await forFresh.Content.ReadAsStringAsync(), await forExisting.Content.ReadAsStringAsync());

        await app.DeliverNotifications();
        var told = Assert.Single(app.Mail.To(existing));
        Assert.Equal("Vous avez déjà un compte PtceFunding", told.Subject);
        Assert.Contains("aucun nouveau compte n'a été créé", told.Text, StringComparison.Ordinal);
        Assert.Contains("https://ptce.test/Account/Login", told.Text, StringComparison.Ordinal);

        // The account is untouched: same name, same password, still one account for the address.
        var normalized = existing.ToUpperInvariant();
        var accounts = await app.Db(db => db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.DisplayName).ToListAsync());
        Assert.Equal([Roles.ProgramOfficer], accounts);
        Assert.Equal(HttpStatusCode.OK, (await client.PostToken(new { email = existing, password = PtceApp.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostToken(new { email = existing, password = Password })).StatusCode);
    }

    [Fact]
    public async Task Registering_twice_makes_one_account_and_a_weak_password_or_unaccepted_terms_make_none()
    {
        var email = NewAddress();
        var client = app.CreateClient();

        var weak = await client.PostAsJsonAsync("/api/account/register", new { email, displayName = "Léa", password = "court", acceptsTerms = true });
        var noTerms = await client.PostAsJsonAsync("/api/account/register", new { email, displayName = "Léa", password = Password, acceptsTerms = false });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("au moins 12 caractères", FieldError(await weak.Content.ReadFromJsonAsync<JsonElement>(), "Password"), StringComparison.Ordinal);
        Assert.Equal(
            "Vous devez accepter les conditions générales d'utilisation pour créer un compte.",
            FieldError(await noTerms.Content.ReadFromJsonAsync<JsonElement>(), "AcceptsTerms"));
        Assert.False(await app.Db(db => db.Users.AnyAsync(u => u.Email == email)));

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/account/register", new { email, displayName = "Léa", password = Password, acceptsTerms = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/account/register", new { email, displayName = "Léa", password = Password, acceptsTerms = true })).StatusCode);
        await app.DeliverNotifications();

        Assert.Equal(1, await app.Db(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Equal("Confirmez votre adresse électronique", Assert.Single(app.Mail.To(email)).Subject);
    }

    [Fact]
    public async Task The_register_page_creates_the_account_and_the_login_page_asks_to_confirm_and_resends_the_link()
    {
        var email = NewAddress();
        var browser = new CookieBrowser(app);

        var login = await browser.Get("/Account/Login");
        Assert.Contains("href=\"/Account/Register\"", login, StringComparison.Ordinal);
        Assert.Contains("Créer un compte porteur de projet", login, StringComparison.Ordinal);

        var mismatch = await (await browser.Post("/Account/Register", Form(email, "Autre-Chose-2026!"))).Content.ReadAsStringAsync();
        Assert.Contains("Les deux mots de passe saisis sont différents.", mismatch, StringComparison.Ordinal);
        var done = await (await browser.Post("/Account/Register", Form(email, Password))).Content.ReadAsStringAsync();
        Assert.Contains("Vérifiez votre messagerie", done, StringComparison.Ordinal);

        var refused = await browser.Login(email, Password);
        Assert.Contains(ConfirmFirst, refused, StringComparison.Ordinal);
        Assert.Contains("Renvoyer le lien de confirmation", refused, StringComparison.Ordinal);
        var wrong = await browser.Login(email, "Mauvais-Secret-2026!");
        Assert.DoesNotContain(ConfirmFirst, wrong, StringComparison.Ordinal);

        // Later on (links are sent at most once a minute per account), the person asks for a new link.
        app.Clock.Now = app.Clock.Now.AddMinutes(2);
        var resent = await (await browser.Post("/Account/Login?handler=ResendConfirmation", new Dictionary<string, string> { ["Email"] = email })).Content.ReadAsStringAsync();
        Assert.Contains("un nouveau lien vient de vous être envoyé", resent, StringComparison.Ordinal);
        await app.DeliverNotifications();
        var messages = app.Mail.To(email);
        Assert.Equal(2, messages.Count);

        Assert.Contains("Votre adresse électronique est confirmée.", await AccountLinks.Confirm(app, messages[^1]), StringComparison.Ordinal);
        Assert.Contains("<h1>Bonjour Dominique Petit</h1>", await browser.Login(email, Password), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string email, string confirmation) => new()
    {
        ["DisplayName"] = "Dominique Petit",
        ["Email"] = email,
        ["Password"] = Password,
        ["Confirmation"] = confirmation,
        ["AcceptsTerms"] = "true",
    };

    private static string NewAddress() => $"porteur.{Guid.NewGuid():N}@test.ptce.fr";

    private static string FieldError(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}
