using Microsoft.EntityFrameworkCore;

namespace PtceFunding.Infrastructure.Persistence;

/// <summary>Applies the hand-written migrations (the <c>migrate</c> command, or start-up on the embedded default).</summary>
public static class Migrator
{
    public static async Task<IReadOnlyList<string>> Migrate(PtceDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return pending;
    }
}
