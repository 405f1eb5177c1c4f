using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence;

/// <summary>Applies the hand-written migrations (the <c>migrate</c> command, or start-up on the embedded default).</summary>
public static class Migrator
{
    /// <summary>Migrates the database and answers the migrations that were applied.</summary>
    public static async Task<IReadOnlyList<string>> Migrate(PtceDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);

        // On an empty database, asking EF for the applied migrations logs a failed query on the missing
        // history table: ask whether the table exists first.
        var pending = await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken).ConfigureAwait(false)
            ? (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList()
            : db.Database.GetMigrations().ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsNpgsql())
        {
            await Jobs.JobStorageSchema.Install(db.Database.GetConnectionString()!, cancellationToken).ConfigureAwait(false);
        }

        return pending;
    }
}
