using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PtceFunding.Application.Reviews;
using PtceFunding.Benchmarks;
using PtceFunding.Domain.Applications;
using PtceFunding.Infrastructure.Persistence;

// Agreement schedules (issue 6), in memory, no database: see ScheduleBenchmark and docs/benchmarks/agreement-schedules.md.
// dotnet run -c Release --project tests/PtceFunding.Benchmarks -- schedules [--agreements 100000 --iterations 10 --seed 20260101 --target 100000]
if (args is ["schedules", ..])
{
    return ScheduleBenchmark.Run(args[1..]);
}

// Issue 7: the reminders sweep over 1,000,000 generated reports, next to the same work as one SQL statement.
// dotnet run -c Release --project tests/PtceFunding.Benchmarks -- sweep [--agreements 100000 --iterations 5]
if (args is ["sweep", ..])
{
    return await ReminderSweepBenchmark.Run(args[1..]);
}

// The officer inbox at ten times the national volume, through the real handler and as raw SQL.
// dotnet run -c Release --project tests/PtceFunding.Benchmarks [-- --applications 50000 --iterations 200 --output docs/benchmarks/officer-inbox.md]
var applications = Option("--applications", 50_000);
var iterations = Option("--iterations", 200);
var output = OptionText("--output", null) ?? Path.Combine(RepositoryRoot(), "docs", "benchmarks", "officer-inbox.md");
const int MembersPerApplication = 4;
const int Calls = 20;
const int SessionsPerCall = 2;
const int WarmUp = 20;

var connectionString = await BenchmarkHost.MigratedDatabase();
var user = new BenchmarkUser();
await using var services = BenchmarkHost.Services(connectionString, user, TimeProvider.System);

Console.WriteLine($"Generating {applications:N0} submitted applications and {applications * MembersPerApplication:N0} consortium members…");
var generation = Stopwatch.StartNew();
DataSet data;
await using (var scope = services.CreateAsyncScope())
{
    data = await DataSet.Generate(scope.ServiceProvider.GetRequiredService<PtceDbContext>(), connectionString, applications, MembersPerApplication, Calls, SessionsPerCall);
}

Console.WriteLine($"Generated in {generation.Elapsed.TotalSeconds:0.0} s.");
await using var rawSource = NpgsqlDataSource.Create(connectionString);

var session = data.BusiestSession.Value;
var scenarios = new (string Name, Officer Officer, GetOfficerInbox Query)[]
{
    ("Regional officer — status + session, newest first", data.Regional, new GetOfficerInbox(ApplicationStatus.Submitted, session, Page: 1, PageSize: 25)),
    ("Regional officer — status + session, by requested total", data.Regional, new GetOfficerInbox(ApplicationStatus.Submitted, session, Sort: InboxSort.TotalRequested, Page: 1, PageSize: 25)),
    ("National officer — status + session, newest first", data.National, new GetOfficerInbox(ApplicationStatus.Submitted, session, Page: 1, PageSize: 25)),
    ("National officer — status + session, by requested total", data.National, new GetOfficerInbox(ApplicationStatus.Submitted, session, Sort: InboxSort.TotalRequested, Page: 1, PageSize: 25)),
};

var rows = new List<(string Scenario, int Total, Stats Handler, Stats Raw)>();
foreach (var (name, officer, query) in scenarios)
{
    user.UserId = officer.UserId;
    user.FunderId = officer.FunderId;
    user.Territory = officer.Territory;

    async Task<OfficerInbox> Handler()
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Message);
    }

    var inbox = await Handler();
    var raw = await RawInbox.Run(rawSource, officer, query);
    if (!inbox.Items.Select(i => i.Id).SequenceEqual(raw.Ids) || !inbox.CountsByStatus.OrderBy(c => c.Key).SequenceEqual(raw.Counts.OrderBy(c => c.Key)))
    {
        throw new InvalidOperationException($"{name}: the handler and the raw SQL disagree.");
    }

    var handler = await Measure(async () => await Handler());
    var rawStats = await Measure(async () => await RawInbox.Run(rawSource, officer, query));
    rows.Add((name, inbox.Total, handler, rawStats));
    Console.WriteLine($"{name}: {inbox.Total} files, handler p95 {handler.P95:0.0} ms, raw SQL p95 {rawStats.P95:0.0} ms");
}

await PrintPlans(rawSource, data.Regional, scenarios[0].Query);
var report = Markdown(rows, await ServerVersion(rawSource));
Console.WriteLine();
Console.WriteLine(report);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report);
Console.WriteLine($"Written to {output}.");
return 0;

async Task<Stats> Measure(Func<Task> run)
{
    for (var i = 0; i < WarmUp; i++)
    {
        await run();
    }

    var timings = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        timings[i] = watch.Elapsed.TotalMilliseconds;
    }

    Array.Sort(timings);
    return new Stats(Percentile(timings, 0.50), Percentile(timings, 0.95), timings[^1]);
}

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

string Markdown(List<(string Scenario, int Total, Stats Handler, Stats Raw)> results, string serverVersion)
{
    var text = new StringBuilder();
    var invariant = CultureInfo.InvariantCulture;
    text.AppendLine("# Officer inbox benchmark");
    text.AppendLine();
    text.AppendLine(invariant, $"Generated by `tests/PtceFunding.Benchmarks` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, PostgreSQL {serverVersion} (throwaway local cluster).");
    text.AppendLine();
    text.AppendLine(invariant, $"Data: {applications:N0} submitted applications over {Calls} calls, {Calls * SessionsPerCall} sessions and 18 regions, {applications * MembersPerApplication:N0} consortium members (organisations), routes to each region's State office and, for half the calls, its Region.");
    text.AppendLine(invariant, $"Each query: page 1 of 25 with the counts per status (two SQL statements), {iterations} timed runs after {WarmUp} warm-up runs; the handler runs through the mediator pipeline (validation, authorization) in a new DI scope each time, the raw SQL on an Npgsql data source. Both return the same page and counts (checked).");
    text.AppendLine(invariant, $"Load average when the report was written (1, 5, 15 min): {LoadAverage()} — other work shares the machine, which shows in the p95 and max.");
    text.AppendLine();
    text.AppendLine("| Scenario | Files | Handler p50 | p95 | max | Raw SQL p50 | p95 | max |");
    text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (scenario, total, handler, raw) in results)
    {
        text.AppendLine(invariant, $"| {scenario} | {total} | {handler.P50:0.0} ms | {handler.P95:0.0} ms | {handler.Max:0.0} ms | {raw.P50:0.0} ms | {raw.P95:0.0} ms | {raw.Max:0.0} ms |");
    }

    text.AppendLine();
    text.AppendLine(invariant, $"Target (issue 5): p95 under 50 ms on 2 cores — {(results.All(r => r.Handler.P95 < 50) ? "met" : "NOT met")} by the handler in every scenario.");
    return text.ToString();
}

// The plans behind the figures, for whoever reads the console (EXPLAIN ANALYZE of both statements).
static async Task PrintPlans(NpgsqlDataSource source, Officer officer, GetOfficerInbox query)
{
    await using var connection = await source.OpenConnectionAsync();
    foreach (var (name, sql) in new[] { ("count", RawInbox.CountSql), ("page", RawInbox.PageSql(query.Sort)) })
    {
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
        RawInbox.Bind(explain, officer, query);
        if (name == "page")
        {
            explain.Parameters.AddWithValue("status", (int)query.Status!.Value);
            explain.Parameters.AddWithValue("take", query.PageSize);
            explain.Parameters.AddWithValue("skip", 0);
        }

        Console.WriteLine();
        Console.WriteLine($"Plan of the {name} statement ({(officer.Territory.IsNational ? "national" : "regional")} officer):");
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  " + reader.GetString(0));
        }
    }
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static async Task<string> ServerVersion(NpgsqlDataSource source)
{
    await using var command = source.CreateCommand("SHOW server_version");
    return (string)(await command.ExecuteScalarAsync())!;
}

int Option(string name, int fallback) => OptionText(name, null) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name, string? fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PtceFunding.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}

internal sealed record Stats(double P50, double P95, double Max);
