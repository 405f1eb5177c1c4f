using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtceFunding.Application;
using PtceFunding.Application.Abstractions;
using PtceFunding.Infrastructure;
using PtceFunding.IntegrationTests.Infrastructure;
using PtceFunding.Web.Hosting;

namespace PtceFunding.Benchmarks;

/// <summary>
/// What every database benchmark starts with: a throwaway PostgreSQL cluster (or the server named by
/// <c>PTCE_BENCH_POSTGRES</c>) with a migrated database, and the application's services over it.
/// </summary>
internal static class BenchmarkHost
{
    /// <summary>Starts the server and creates a migrated database; returns its connection string.</summary>
    public static async Task<string> MigratedDatabase()
    {
        if (Environment.GetEnvironmentVariable("PTCE_BENCH_POSTGRES") is { Length: > 0 } existing)
        {
            Environment.SetEnvironmentVariable(PostgresServer.ExistingServerVariable, existing);
        }

        Console.WriteLine("Starting PostgreSQL and migrating…");
        return await (await PostgresServer.Instance).CreateDatabase(migrated: true);
    }

    /// <summary>The application and infrastructure services over <paramref name="connectionString"/>, jobs off.</summary>
    public static ServiceProvider Services(string connectionString, ICurrentUser user, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["Database:ConnectionString"] = connectionString,
                ["Jobs:Enabled"] = "false",
                ["Jobs:PollingInterval"] = "00:00:00.050", // a worker started by a benchmark picks a queued job up at once
            })
            .Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(clock)
            .AddSingleton(user)
            .AddApplication()
            .AddPublicSite()
            .AddInfrastructure(configuration)
            .BuildServiceProvider();
    }
}
