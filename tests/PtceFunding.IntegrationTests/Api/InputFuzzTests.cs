using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Api;

/// <summary>
/// The generated fuzz test of issue 14: every JSON write endpoint of the API answers malformed input with a 4xx — a
/// 400 names the fields in fault — never a 5xx, and writes nothing when it refuses. Seeded (PTCE_FUZZ_SEED); a failing
/// case prints its request.
/// </summary>
public sealed class InputFuzzTests(PtceApp app, ITestOutputHelper output) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task Every_json_write_endpoint_refuses_malformed_input_without_a_server_error_and_writes_nothing_on_postgresql()
    {
        var figures = await InputFuzzRun.Run(app, output, keepOneIn: 1);

        Assert.True(figures.Sent >= 3_000, $"only {figures.Sent} requests were generated");
    }
}

/// <summary>The pages' forms, posted with their anti-forgery token, on PostgreSQL.</summary>
public sealed class PageFormFuzzTests(PtceApp app, ITestOutputHelper output) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task Every_form_the_consortium_and_the_administrator_are_shown_refuses_malformed_fields_without_a_server_error_and_writes_nothing()
    {
        var fuzzer = new PageFormFuzzer(app);
        var clock = Stopwatch.StartNew();

        await fuzzer.Run();

        output.WriteLine($"{fuzzer.Sent} form posts in {clock.Elapsed.TotalSeconds:0.0} s; by status: {string.Join(", ", fuzzer.ByStatus.Select(s => $"{s.Key} × {s.Value}"))}.");
        foreach (var violation in fuzzer.Violations.Take(30))
        {
            output.WriteLine(violation);
        }

        Assert.True(fuzzer.Violations.Count == 0, $"{fuzzer.Violations.Count} violations, the first: {fuzzer.Violations.FirstOrDefault()}");
        Assert.True(fuzzer.Sent >= 200, $"only {fuzzer.Sent} form posts were generated");
    }
}

/// <summary>The same on the embedded SQLite default, on a seeded fifth of the variants.</summary>
public sealed class SqliteInputFuzzTests(SqlitePtceApp app, ITestOutputHelper output) : IClassFixture<SqlitePtceApp>
{
    [Fact]
    public async Task Every_json_write_endpoint_refuses_malformed_input_without_a_server_error_and_writes_nothing_on_sqlite()
    {
        var figures = await InputFuzzRun.Run(app, output, keepOneIn: 5);

        Assert.True(figures.Sent >= 500, $"only {figures.Sent} requests were generated");
    }
}

/// <summary>The application on the embedded SQLite default (migrated at start-up), for what must hold on both engines.</summary>
public sealed class SqlitePtceApp : PtceApp
{
    private readonly string _file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ptce-fuzz-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_file}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        GC.SuppressFinalize(this);
    }
}

internal static class InputFuzzRun
{
    public static async Task<InputFuzzer> Run(PtceApp app, ITestOutputHelper output, int keepOneIn)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PTCE_FUZZ_SEED"), out var chosen) ? chosen : 20261207;
        output.WriteLine($"Seed {seed} (PTCE_FUZZ_SEED={seed} sends the same requests).");
        var fuzzer = new InputFuzzer(app, seed);
        await fuzzer.Prepare();
        var endpoints = fuzzer.Endpoints();
        output.WriteLine($"{endpoints.Count} JSON write endpoints.");

        var clock = Stopwatch.StartNew();
        await fuzzer.Run(keepOneIn);
        output.WriteLine($"{fuzzer.Sent} requests in {clock.Elapsed.TotalSeconds:0.0} s; by status: {string.Join(", ", fuzzer.ByStatus.Select(s => $"{s.Key} × {s.Value}"))}.");
        foreach (var violation in fuzzer.Violations.Take(30))
        {
            output.WriteLine(violation);
        }

        Assert.True(fuzzer.Violations.Count == 0, $"{fuzzer.Violations.Count} violations, the first: {fuzzer.Violations.FirstOrDefault()}");
        return fuzzer;
    }
}
