using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document partners generate their clients from: linted with Redocly CLI's recommended rules (no error),
/// every operation with a unique operationId and its security, the partner operations with their scope.
/// </summary>
public sealed class OpenApiDocumentTests(PtceApp app, ITestOutputHelper output) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task The_document_passes_Redocly_recommended_rules_without_an_error()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ptce-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        try
        {
            var lint = Path.Combine(SmtpSink.RepositoryRoot(), "tests", "openapi-lint");
            using var process = Process.Start(new ProcessStartInfo(Path.Combine(lint, "node_modules", ".bin", "redocly"), ["lint", file, "--config", Path.Combine(lint, "redocly.yaml"), "--format", "json"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = lint,
            })!;
            var report = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = JsonDocument.Parse(report[report.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
            var totals = json.GetProperty("totals");
            var problems = json.GetProperty("problems").EnumerateArray().ToList();
            output.WriteLine($"Redocly (recommended): {totals.GetProperty("errors").GetInt32()} errors, {totals.GetProperty("warnings").GetInt32()} warnings");
            foreach (var rule in problems.GroupBy(p => (p.GetProperty("ruleId").GetString(), p.GetProperty("severity").GetString())))
            {
                output.WriteLine($"  {rule.Key.Item2} {rule.Key.Item1}: {rule.Count()}, e.g. {rule.First().GetProperty("message").GetString()}");
            }

            var errors = problems.Where(p => p.GetProperty("severity").GetString() == "error")
                .Select(p => $"{p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}").ToList();
            foreach (var error in errors)
            {
                output.WriteLine("  error " + error);
            }

            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id_and_its_security_and_the_partner_operations_their_scope()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => (Key: $"{method.Name.ToUpperInvariant()} {path.Name}", Operation: method.Value)))
            .ToList();

        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(operations, o => Assert.True(o.Operation.TryGetProperty("security", out _), $"{o.Key} has no security"));
        var payment = operations.Single(o => o.Key == "POST /api/installments/{id}/payments").Operation;
        Assert.Equal("postInstallmentsByIdPayments", payment.GetProperty("operationId").GetString());
        Assert.Contains("funder.finance", payment.GetProperty("security")[0].GetProperty("oauth2").EnumerateArray().Select(s => s.GetString()));
        Assert.True(payment.GetProperty("responses").TryGetProperty("409", out _));
        var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.Equal("/connect/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
    }
}
