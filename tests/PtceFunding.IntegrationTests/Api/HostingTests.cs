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
        Assert.True(paths.TryGetProperty("/api/auth/token", out _));
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
