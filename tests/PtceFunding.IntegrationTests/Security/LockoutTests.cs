using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Security;

public sealed class LockoutTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        var email = await app.AddUser(Roles.ProgramOfficer);
        var client = app.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostToken(new { email, password = "Mauvais-mot-de-passe-1!" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var right = await client.PostToken(new { email, password = PtceApp.Password });

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Equal("auth.locked_out", await TokenRequests.ErrorCode(right));
        var lockoutEnd = await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_and_a_success_resets_the_count()
    {
        var email = await app.AddUser(Roles.FinanceOfficer);
        var client = app.CreateClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await client.PostToken(new { email, password = "Mauvais-mot-de-passe-1!" });
        }

        var right = await client.PostToken(new { email, password = PtceApp.Password, code = await app.AuthenticatorCode(email) });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(0, await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task The_login_page_locks_too_and_says_so_in_french()
    {
        var email = await app.AddUser(Roles.Reviewer);
        var browser = new CookieBrowser(app);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.Login(email, "Mauvais-mot-de-passe-1!");
        }

        var page = await browser.Login(email, PtceApp.Password);

        Assert.Contains("Ce compte est temporairement verrouillé", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_request_without_its_address_or_password_is_an_invalid_request()
    {
        var response = await app.CreateClient().PostToken(new { email = "", password = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", problem.GetProperty("error").GetString());
        Assert.Contains("password", problem.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }
}
