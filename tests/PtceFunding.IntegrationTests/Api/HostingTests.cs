using System.Net;
using System.Text.Json;

namespace PtceFunding.IntegrationTests.Api;

public sealed class HostingTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task Ready_answers_200_on_a_migrated_database_and_live_always()
    {
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/funders", out _) || paths.TryGetProperty("/api/funders/", out _));
        Assert.True(paths.TryGetProperty("/api/admin/audit", out _));
        Assert.True(paths.TryGetProperty("/api/auth/password-resets", out _));
    }

    [Fact]
    public async Task The_oauth_server_publishes_its_discovery_document()
    {
        var discovery = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/.well-known/openid-configuration")).RootElement;

        Assert.Equal("https://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal("https://localhost/connect/revoke", discovery.GetProperty("revocation_endpoint").GetString());
        Assert.Equal("https://localhost/connect/introspect", discovery.GetProperty("introspection_endpoint").GetString());
        Assert.Equal("https://localhost/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_a_correlation_id()
    {
        var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Correlation-Id", "demande-12345678");

        var response = await client.SendAsync(request);

        Assert.Equal("demande-12345678", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task What_a_signed_in_person_is_shown_is_never_cached_and_public_pages_may_be()
    {
        var signedIn = await app.ClientFor(Domain.Users.Roles.Administrator, null);
        var anonymous = app.CreateClient();

        using var page = await signedIn.GetAsync("/");
        using var api = await signedIn.GetAsync("/api/me");
        using var publicPage = await anonymous.GetAsync("/Appels");
        using var stylesheet = await signedIn.GetAsync("/lib/dsfr/dsfr.min.css");

        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", api.Headers.CacheControl?.ToString());
        Assert.Null(publicPage.Headers.CacheControl);
        Assert.NotEqual("no-store", stylesheet.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_but_not_the_health_probes()
    {
        var plain = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://ptce.example.fr"), AllowAutoRedirect = false });

        using var page = await plain.GetAsync("/Account/Login?returnUrl=%2F");
        using var probe = await plain.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://ptce.example.fr/Account/Login?returnUrl=%2F", page.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task A_malformed_correlation_id_is_replaced()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "<script>");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task The_login_page_is_french_and_uses_the_state_design_system()
    {
        var html = await app.CreateClient().GetStringAsync("/Account/Login");

        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("/lib/dsfr/dsfr.min.css", html, StringComparison.Ordinal);
        Assert.Contains("Connexion à PtceFunding", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/lib/dsfr/dsfr.min.css")).StatusCode);
    }
}

public sealed class UnmigratedDatabaseTests(UnmigratedDatabaseTests.App app) : IClassFixture<UnmigratedDatabaseTests.App>
{
    public sealed class App : PtceApp
    {
        protected override bool Migrated => false;
    }

    [Fact]
    public async Task Ready_answers_503_while_migrations_are_pending_and_production_never_migrates_at_startup()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/live")).StatusCode);
    }
}
