using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Deployment;

/// <summary>
/// What the deploy/ container wraps, done for real (no container engine runs here, docs/adr/0010):
/// dotnet publish, then `migrate` against an empty PostgreSQL, then the published app serving.
/// </summary>
public sealed class PublishedAppTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_published_app_migrates_an_empty_database_creates_the_first_administrator_and_serves()
    {
        var connectionString = await (await PostgresServer.Instance).CreateDatabase(migrated: false);
        var publishDirectory = Directory.CreateTempSubdirectory("ptce-publish-").FullName;
        try
        {
            var project = Path.Combine(SmtpSink.RepositoryRoot(), "src", "PtceFunding.Web", "PtceFunding.Web.csproj");
            await Run("dotnet", ["publish", project, "-c", "Release", "-o", publishDirectory, "--nologo", "-v", "q"], connectionString, TimeSpan.FromMinutes(5));
            var app = Path.Combine(publishDirectory, "PtceFunding.Web.dll");

            Assert.Equal(0, await Run("dotnet", [app, "migrate"], connectionString, TimeSpan.FromMinutes(1)));
            Assert.Equal(0, await Run("dotnet", [app, "create-admin", "--email", "premier.admin@test.ptce.fr", "--name", "Premier Admin"], connectionString, TimeSpan.FromMinutes(1)));
            Assert.Equal(1, await Run("dotnet", [app, "create-admin", "--email", "second.admin@test.ptce.fr"], connectionString, TimeSpan.FromMinutes(1), allowFailure: true));

            using var server = AppProcess.Start(app, Info("dotnet", [], connectionString).Environment.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!));
            using var http = server.Client();
            await server.WaitUntilReady();

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
            using var stylesheet = await http.GetAsync("/lib/dsfr/dsfr.min.css");
            Assert.Equal((HttpStatusCode.OK, "text/css"), (stylesheet.StatusCode, stylesheet.Content.Headers.ContentType?.MediaType));
            await ServesHttpsOnly(server);
            // The OAuth 2 server answers, and in production the password grant is off: tokens come from the
            // authorization code flow (a signed-in person) only (docs/adr/0033).
            var discovery = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/openid-configuration");
            Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("password", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
            var password = await http.PostToken(new { email = "premier.admin@test.ptce.fr", password = AdminPassword });
            Assert.Equal("unsupported_grant_type", (await password.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString());

            // Graceful shutdown on SIGTERM, as systemd and container engines stop it.
            Assert.Equal(0, await server.Terminate());
        }
        finally
        {
            Directory.Delete(publishDirectory, recursive: true);
        }
    }

    /// <summary>Plain HTTP is sent to HTTPS (health probes excepted), HSTS is set and no Server header names the software.</summary>
    private static async Task ServesHttpsOnly(AppProcess server)
    {
        using var direct = server.DirectClient();
        using var probe = await direct.GetAsync("/health/live");
        using var plain = await direct.GetAsync("/Appels?page=2");
        using var proxied = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Appels") { Headers = { Host = "ptce.example.fr" } };
        using var forwarded = await proxied.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
        Assert.Equal("https://127.0.0.1/Appels?page=2", plain.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.StartsWith("max-age=31536000", forwarded.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(forwarded.Headers.Contains("Server"));
        Assert.False(probe.Headers.Contains("Server"));
    }

    private const string AdminPassword = "Vigie-Des-Fonds-2026";


    private static ProcessStartInfo Info(string program, string[] arguments, string connectionString)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = "Postgres";
        info.Environment["Database__ConnectionString"] = connectionString;
        info.Environment["Demo__Seed"] = "false";
        info.Environment["PTCE_ADMIN_PASSWORD"] = AdminPassword;
        return info;
    }

    private async Task<int> Run(string program, string[] arguments, string connectionString, TimeSpan timeout, bool allowFailure = false)
    {
        using var process = Process.Start(Info(program, arguments, connectionString))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        var text = (await stdout) + (await stderr);
        output.WriteLine($"$ {program} {string.Join(' ', arguments.Skip(1))} → {process.ExitCode}");
        output.WriteLine(text.Length > 2000 ? text[^2000..] : text);
        Assert.True(allowFailure || process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {text}");
        return process.ExitCode;
    }
}
