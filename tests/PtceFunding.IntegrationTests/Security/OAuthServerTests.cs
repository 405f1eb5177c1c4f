using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>
/// The OAuth 2 server (issue 15's tokens, the token-server part of issue 16, docs/adr/0033): short-lived reference
/// access tokens, revocable at once; refresh tokens that stop with the account's security stamp; the authorization code
/// flow with PKCE for the platform's tools, granted by the person signed in to the pages (second factor included).
/// </summary>
public sealed class OAuthServerTests(OAuthServerTests.DefaultLifetimes app) : IClassFixture<OAuthServerTests.DefaultLifetimes>
{
    private const string Callback = "http://127.0.0.1/callback";

    [Fact]
    public async Task An_access_token_lives_ten_minutes_is_an_opaque_reference_and_the_revocation_endpoint_ends_it_at_once()
    {
        var email = await app.AddUser(Roles.ProgramOfficer, await app.AddFunder());
        var issued = await Tokens(await app.CreateClient().PostToken(new { email, password = PtceApp.Password }));

        Assert.Equal(600, issued.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", issued.GetProperty("token_type").GetString());
        var accessToken = issued.GetProperty("access_token").GetString()!;
        Assert.DoesNotContain('.', accessToken); // a reference, not a self-contained token: its entry in the database decides
        var client = WithToken(accessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        var revoked = await app.CreateClient().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = accessToken,
            ["token_type_hint"] = "access_token",
            ["client_id"] = TokenRequests.Client,
        }));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_until_the_password_changes()
    {
        var email = await app.AddUser(Roles.Applicant);
        var issued = await Tokens(await app.CreateClient().PostToken(new { email, password = PtceApp.Password }));
        var refreshToken = issued.GetProperty("refresh_token").GetString()!;

        var refreshed = await Refresh(refreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = await Tokens(refreshed);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(renewed.GetProperty("access_token").GetString()!).GetAsync("/api/me")).StatusCode);

        var owner = WithToken(renewed.GetProperty("access_token").GetString()!);
        var changed = await owner.PostAsJsonAsync("/api/me/password", new { currentPassword = PtceApp.Password, newPassword = "Une-phrase-de-passe-toute-neuve" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var afterChange = await Refresh(renewed.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, afterChange.StatusCode);
        Assert.Equal("auth.token_revoked", await TokenRequests.ErrorCode(afterChange));
        var stale = await owner.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("invalid_token", stale.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_gets_a_code_for_the_signed_in_finance_officer_with_pkce_and_her_second_factor_goes_with_it()
    {
        var email = await app.AddUser(Roles.FinanceOfficer, await app.AddFunder());
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

        var withoutPkce = await browser.GetWithoutFollowing($"/connect/authorize?client_id={TokenRequests.Client}&response_type=code&scope=api&redirect_uri={Uri.EscapeDataString(Callback)}&state=etat-1");
        Assert.Contains("code_challenge", Uri.UnescapeDataString(withoutPkce.Headers.Location?.ToString() ?? await withoutPkce.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var authorized = await browser.GetWithoutFollowing(
            $"/connect/authorize?client_id={TokenRequests.Client}&response_type=code&scope=api%20offline_access&redirect_uri={Uri.EscapeDataString(Callback)}&state=etat-2&code_challenge={challenge}&code_challenge_method=S256");
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        var location = authorized.Headers.Location!;
        Assert.StartsWith(Callback + "?", location.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("etat-2", query["state"]);

        var exchanged = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = TokenRequests.Client,
            ["code"] = query["code"]!,
            ["redirect_uri"] = Callback,
            ["code_verifier"] = verifier,
        }));
        var tokens = await Tokens(exchanged);

        var tool = WithToken(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await tool.GetAsync("/api/bank-details/pending")).StatusCode);
        var replayed = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = TokenRequests.Client,
            ["code"] = query["code"]!,
            ["redirect_uri"] = Callback,
            ["code_verifier"] = verifier,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
    }

    [Fact]
    public async Task Whoever_is_not_signed_in_is_sent_to_the_sign_in_page_by_the_authorization_endpoint()
    {
        var response = await new CookieBrowser(app).GetResponse(
            $"/connect/authorize?client_id={TokenRequests.Client}&response_type=code&scope=api&redirect_uri={Uri.EscapeDataString(Callback)}&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqr&code_challenge_method=S256");

        Assert.Equal("/Account/Login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("connect%2Fauthorize", response.RequestMessage.RequestUri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_pruning_deletes_the_tokens_revoked_or_expired_more_than_a_day_ago_and_keeps_the_valid_ones()
    {
        var revokedOwner = await app.AddUser(Roles.Applicant);
        var keptOwner = await app.AddUser(Roles.Applicant);
        var revoked = await Tokens(await app.CreateClient().PostToken(new { email = revokedOwner, password = PtceApp.Password }));
        foreach (var (token, hint) in new[] { (revoked.GetProperty("access_token").GetString()!, "access_token"), (revoked.GetProperty("refresh_token").GetString()!, "refresh_token") })
        {
            (await app.CreateClient().PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["token_type_hint"] = hint, ["client_id"] = TokenRequests.Client }))).EnsureSuccessStatusCode();
        }

        app.Clock.Now = app.Clock.Now.AddHours(2);
        Assert.Equal(0, await Prune());
        app.Clock.Now = app.Clock.Now.AddDays(1);
        await Tokens(await app.CreateClient().PostToken(new { email = keptOwner, password = PtceApp.Password }));
        Assert.True(await Prune() >= 2);

        Assert.Equal(0, await TokensOf(revokedOwner));
        Assert.Equal(2, await TokensOf(keptOwner)); // its access and refresh tokens, still valid
    }

    private async Task<long> Prune()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var pruned = await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Application.Users.PruneTokens());
        Assert.True(pruned.IsSuccess);
        return pruned.Value;
    }

    private Task<int> TokensOf(string email) => app.Db(async db =>
    {
        var subject = (await db.Users.SingleAsync(u => u.Email == email)).Id.ToString();
        return await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken<Guid>>().CountAsync(t => t.Subject == subject);
    });

    private Task<HttpResponseMessage> Refresh(string refreshToken) =>
        app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TokenRequests.Client,
            ["refresh_token"] = refreshToken,
        }));

    private HttpClient WithToken(string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<JsonElement> Tokens(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The application with the production lifetimes of its tokens.</summary>
    public sealed class DefaultLifetimes : PtceApp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Tokens:AccessTokenLifetime", "00:10:00");
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
