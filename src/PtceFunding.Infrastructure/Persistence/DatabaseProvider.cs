using Microsoft.Data.Sqlite;
using Npgsql;

namespace PtceFunding.Infrastructure.Persistence;

/// <summary>The database engines the application runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: a file next to the application, zero set-up, demo data.</summary>
    Sqlite,

    /// <summary>Production.</summary>
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=App_Data/ptcefunding.db";

    /// <summary>The embedded default migrates at start-up; production never does (run <c>migrate</c>).</summary>
    public bool MigratesAtStartup => Provider == DatabaseProvider.Sqlite;
}

/// <summary>Everything that differs between providers lives here.</summary>
public static class DatabaseProviderSetup
{
    public static DbContextOptionsBuilder UseConfiguredProvider(this DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(options.ConnectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory")),
            DatabaseProvider.Sqlite => builder.UseSqlite(PrepareSqlite(options.ConnectionString)),
            _ => throw new InvalidOperationException($"Unknown database provider '{options.Provider}'."),
        };
    }

    /// <summary>True when the exception is a unique-constraint violation on either engine.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>
    /// True when PostgreSQL refused a value itself (too long for its column, a character it cannot store, a number or
    /// date out of its range): the input contract should have refused it first; this is the safety net that makes it a
    /// 400 rather than a 500.
    /// </summary>
    public static bool IsRefusedValue(Exception exception) => exception switch
    {
        DbUpdateException { InnerException: { } inner } => IsRefusedValue(inner),
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.CharacterNotInRepertoire
            or PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.DatetimeFieldOverflow or PostgresErrorCodes.UntranslatableCharacter,
        _ => false,
    };

    /// <summary>Creates the folder of the database file so that a fresh clone runs as is.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
