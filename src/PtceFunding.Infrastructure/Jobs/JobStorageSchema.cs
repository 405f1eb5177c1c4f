using System.Globalization;
using Hangfire.PostgreSql;
using Npgsql;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// Hangfire's tables on PostgreSQL, in their own schema: created and upgraded by the migrate step only, and used by a
/// node only once they are complete — a node that used them half-created could deadlock with the installer.
/// </summary>
public static class JobStorageSchema
{
    public const string Name = "hangfire";

    /// <summary>The schema version this build of Hangfire.PostgreSql installs (its last install script).</summary>
    public static int Version { get; } = typeof(PostgreSqlObjectsInstaller).Assembly.GetManifestResourceNames()
        .Where(resource => resource.StartsWith("Hangfire.PostgreSql.Scripts.Install.v", StringComparison.Ordinal))
        .Select(resource => int.Parse(resource["Hangfire.PostgreSql.Scripts.Install.v".Length..^".sql".Length], CultureInfo.InvariantCulture))
        .Max();

    /// <summary>Creates or upgrades the tables; a deadlock with nodes reading them meanwhile is retried (each script is one transaction).</summary>
    public static async Task Install(string connectionString, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                PostgreSqlObjectsInstaller.Install(connection, Name);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether the tables exist at <see cref="Version"/> or later.</summary>
    public static async Task<bool> IsInstalled(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            $"""SELECT CASE WHEN to_regclass('{Name}.schema') IS NULL THEN 0 ELSE (SELECT coalesce(max(version), 0) FROM "{Name}"."schema") END""", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) >= Version;
    }

    public static async Task<bool> IsInstalled(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await IsInstalled(connection, cancellationToken).ConfigureAwait(false);
    }
}
