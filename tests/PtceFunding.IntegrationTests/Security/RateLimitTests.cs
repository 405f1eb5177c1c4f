using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>An application whose limits are low: 3 account requests per address and 2 uploads per user per minute.</summary>
public sealed class LowRateLimitsApp : PtceApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:AccountRequestsPerMinute", "3");
        builder.UseSetting("RateLimits:UploadsPerMinute", "2");
    }
}

/// <summary>Account requests are limited per client address: 429 with Retry-After past the limit.</summary>
public sealed class AccountRateLimitTests(LowRateLimitsApp app) : IClassFixture<LowRateLimitsApp>
{
    [Fact]
    public async Task The_fourth_token_request_within_a_minute_gets_429_with_retry_after_and_other_requests_are_not_limited()
    {
        var client = app.CreateClient();
        var email = await app.AddUser(Roles.Applicant);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.PostToken(new { email, password = "pas-le-bon-mot-de-passe" });
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await client.PostToken(new { email, password = PtceApp.Password });
        using var resetRefused = await client.PostAsJsonAsync("/api/auth/password-reset-requests", new { email });
        using var openCalls = await client.GetAsync("/api/open-calls");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("rate_limited", 429), (problem.GetProperty("code").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.DoesNotContain("accessToken", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, resetRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openCalls.StatusCode);
    }

}

/// <summary>Uploads are limited per user.</summary>
public sealed class UploadRateLimitTests(LowRateLimitsApp app) : IClassFixture<LowRateLimitsApp>
{
    [Fact]
    public async Task A_user_uploading_past_the_limit_gets_429_and_another_user_is_not_affected()
    {
        var first = await app.ClientFor(Roles.Applicant, null);
        var second = await app.ClientFor(Roles.Applicant, null);

        var statuses = new List<HttpStatusCode>();
        for (var upload = 0; upload < 3; upload++)
        {
            statuses.Add((await first.PostAsync($"/api/applications/{Guid.NewGuid()}/documents", File())).StatusCode);
        }

        var other = await second.PostAsync($"/api/applications/{Guid.NewGuid()}/documents", File());

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private static MultipartFormDataContent File() => new() { { new ByteArrayContent("%PDF-1.4\n%%EOF"u8.ToArray()), "file", "statuts.pdf" } };
}
