using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtceFunding.Application.Abstractions;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster started once per test run from the installed binaries
/// (or the server named by <c>PTCE_TEST_POSTGRES</c>), with a migrated template database that
/// each test class copies with <c>CREATE DATABASE … TEMPLATE</c>.
/// </summary>
public sealed class PostgresServer
{
    public const string ExistingServerVariable = "PTCE_TEST_POSTGRES";
    private const string TemplateName = "ptce_template";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static int _counter;

    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    public static Task<PostgresServer> Instance => Shared.Value;

    /// <summary>A connection string to a new database: an empty one, or a copy of the migrated template.</summary>
    public async Task<string> CreateDatabase(bool migrated = true)
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await CreateLock.WaitAsync();
        try
        {
            await Execute(migrated
                ? $"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\" STRATEGY FILE_COPY"
                : $"CREATE DATABASE \"{name}\"");
        }
        finally
        {
            CreateLock.Release();
        }

        return ConnectionStringFor(name);
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database, Pooling = true }.ToString();

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var existing = Environment.GetEnvironmentVariable(ExistingServerVariable);
        var admin = string.IsNullOrWhiteSpace(existing) ? await LocalCluster.Start() : existing;
        var server = new PostgresServer(new NpgsqlConnectionStringBuilder(admin) { Pooling = false, Database = "postgres" }.ToString());
        await server.Execute($"DROP DATABASE IF EXISTS \"{TemplateName}\"");
        await server.Execute($"CREATE DATABASE \"{TemplateName}\"");

        var templateConnection = new NpgsqlConnectionStringBuilder(server.ConnectionStringFor(TemplateName)) { Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<PtceDbContext>();
        options.UseConfiguredProvider(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = templateConnection });
        await using (var db = new PtceDbContext(options.Options, TimeProvider.System, SystemUser.Instance, new OperationContext()))
        {
            await Migrator.Migrate(db);
        }

        NpgsqlConnection.ClearAllPools();
        return server;
    }

    /// <summary>initdb + pg_ctl on a free port of 127.0.0.1, stopped when the test process exits.</summary>
    private static class LocalCluster
    {
        public static async Task<string> Start()
        {
            var bin = FindBinaries();
            var root = Path.Combine("/tmp", $"ptce-pg-{Environment.ProcessId}");
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            Directory.CreateDirectory(root);
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(data);
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                // initdb refuses to run as root: the cluster belongs to the postgres account.
                await Run("chmod", "0755", root);
                await Run("chown", "-R", "postgres:postgres", root);
            }

            var port = AppProcess.FreePort();
            await RunAs(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
            await RunAs(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                "start");

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                using var stop = Process.Start(Start(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"));
                stop?.WaitForExit(10_000);
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort: /tmp is cleaned by the machine anyway.
                }
            };

            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        }

        private static string FindBinaries()
        {
            var candidates = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
                : [];
            return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
                ?? throw new InvalidOperationException(
                    "PostgreSQL server binaries were not found (looked for /usr/lib/postgresql/<version>/bin/initdb). " +
                    "The integration tests need a real PostgreSQL: install it with `sudo apt-get install -y postgresql` " +
                    $"(or run `bash .ci/test.sh`, which does), or set {ExistingServerVariable} to the connection string of a server " +
                    "where the test user may create databases.");
        }

        private static Task RunAs(bool asRoot, string program, params string[] arguments) =>
            Run(Start(asRoot, program, arguments));

        private static ProcessStartInfo Start(bool asRoot, string program, params string[] arguments)
        {
            var info = new ProcessStartInfo(asRoot ? "runuser" : program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (asRoot)
            {
                foreach (var prefix in new[] { "-u", "postgres", "--", program })
                {
                    info.ArgumentList.Add(prefix);
                }
            }

            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            return info;
        }

        private static Task Run(string program, params string[] arguments)
        {
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            return Run(info);
        }

        private static async Task Run(ProcessStartInfo info)
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{info.FileName} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {await error}{await output}");
            }
        }
    }
}
