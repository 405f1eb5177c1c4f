using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PtceFunding.Domain.Agreements;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Partners;

/// <summary>
/// The partner's guide (docs/partners.md) is executed: its <c>sh</c> blocks, in order, with curl, against the application
/// running as a server would run it (a separate process, production settings, behind a TLS-terminating proxy), for a
/// partner client registered by an administrator on an agreement of its funder.
/// </summary>
public sealed partial class PartnerGuideTests(CommitteeApp app, ITestOutputHelper output) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task Every_example_of_the_partners_guide_runs_as_written()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 30_000m, region: 12_000m);
        var advance = await agreement.Installment(agreement.Region, 1, InstallmentKind.Advance);
        await agreement.Order(await agreement.Finance(agreement.Region), advance);
        var admin = await app.ClientFor(Domain.Users.Roles.Administrator, null);
        var registered = await (await admin.PostAsJsonAsync("/api/admin/partner-clients", new
        {
            id = Guid.NewGuid(),
            name = "SI financier (guide)",
            funderId = agreement.Region.Value,
            scopes = new[] { "funder.read", "funder.finance" },
        })).Content.ReadFromJsonAsync<JsonElement>();

        var guide = await File.ReadAllTextAsync(Path.Combine(SmtpSink.RepositoryRoot(), "docs", "partners.md"));
        var blocks = ShellBlock().Matches(guide).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 5, $"{blocks.Count} examples in the guide");

        using var server = AppProcess.Start(WebDll(), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = app.ConnectionString,
            ["Demo__Seed"] = "false",
            ["Jobs__Enabled"] = "false",
        });
        await server.WaitUntilReady();

        // The reverse proxy's part: the guide calls https://…; here curl reaches the node in plain HTTP, marked as HTTPS.
        var curlHome = Directory.CreateTempSubdirectory("ptce-curl");
        await File.WriteAllTextAsync(Path.Combine(curlHome.FullName, ".curlrc"), "header = \"X-Forwarded-Proto: https\"\nheader = \"X-Forwarded-For: 203.0.113.7\"\n");
        var script = "set -euo pipefail\n" + string.Join("\necho\n", blocks);
        var info = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["PTCE"] = $"http://127.0.0.1:{server.Port}";
        info.Environment["CLIENT_ID"] = registered.GetProperty("clientId").GetString();
        info.Environment["CLIENT_SECRET"] = registered.GetProperty("secret").GetString();
        info.Environment["AGREEMENT_ID"] = agreement.Id.ToString();
        info.Environment["INSTALLMENT_ID"] = advance.Id.Value.ToString();
        info.Environment["CURL_HOME"] = curlHome.FullName;
        using var run = Process.Start(info)!;
        var printed = await run.StandardOutput.ReadToEndAsync();
        var errors = await run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        curlHome.Delete(recursive: true);
        output.WriteLine($"{blocks.Count} examples run; exit {run.ExitCode}");
        output.WriteLine(printed.Length > 2000 ? printed[..2000] + "…" : printed);

        Assert.True(run.ExitCode == 0, $"the guide's examples failed (exit {run.ExitCode}): {errors}\n{server.Log}");
        Assert.Contains(agreement.Id.ToString(), printed, StringComparison.Ordinal);
        Assert.Contains("VIR-2026-000123", printed, StringComparison.Ordinal);
        var paid = await agreement.Installment(agreement.Region, 1, InstallmentKind.Advance);
        Assert.Equal(1_500.00m, Assert.Single(paid.Payments).Amount);
        Assert.Equal(new DateOnly(2026, 12, 1), paid.Payments[0].PaidOn);
        Assert.Equal("VIR-2026-000123", paid.Payments[0].BankReference);
    }

    private static string WebDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        return Path.Combine(SmtpSink.RepositoryRoot(), "src", "PtceFunding.Web", "bin", configuration, "net10.0", "PtceFunding.Web.dll");
    }

    [GeneratedRegex("```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
