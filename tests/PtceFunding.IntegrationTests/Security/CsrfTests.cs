using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>
/// A hostile page can make a signed-in browser send the session cookie, never read the antiforgery token: an API write
/// authenticated by the cookie needs the token in a header; bearer-token calls and cookie downloads are not concerned.
/// </summary>
public sealed class CsrfTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_cookie_authenticated_api_write_without_the_antiforgery_header_is_refused_and_changes_nothing()
    {
        var browser = new CookieBrowser(app);
        await browser.Login(await app.AddUser(Roles.Applicant), PtceApp.Password);
        var feeds = await app.Db(db => Task.FromResult(db.CalendarFeeds.Count()));

        using var forged = await browser.Send(new HttpRequestMessage(HttpMethod.Post, "/api/me/calendar"));
        using var wrongToken = await browser.Send(new HttpRequestMessage(HttpMethod.Post, "/api/me/calendar") { Headers = { { "X-CSRF-TOKEN", "jeton-invente" } } });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("auth.antiforgery", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Equal(feeds, await app.Db(db => Task.FromResult(db.CalendarFeeds.Count())));
    }

    [Fact]
    public async Task The_same_write_with_the_header_token_succeeds_and_reads_and_bearer_calls_need_none()
    {
        var email = await app.AddUser(Roles.Applicant);
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        using var tokenResponse = await browser.GetResponse("/api/me/antiforgery-token");
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        using var withToken = await browser.Send(new HttpRequestMessage(HttpMethod.Post, "/api/me/calendar") { Headers = { { "X-CSRF-TOKEN", token } } });
        using var read = await browser.GetResponse("/api/me");
        using var bearer = await (await app.ClientFor(email)).DeleteAsync("/api/me/calendar");

        Assert.True(withToken.IsSuccessStatusCode, $"{(int)withToken.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, bearer.StatusCode);
    }
}
