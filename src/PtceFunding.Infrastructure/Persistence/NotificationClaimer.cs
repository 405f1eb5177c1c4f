namespace PtceFunding.Infrastructure.Persistence;

/// <summary>
/// Claims due outbox items for one node. On PostgreSQL one statement locks the rows it takes and
/// skips those another node holds (<c>FOR UPDATE SKIP LOCKED</c>), so concurrent drains never share
/// an item; SQLite serialises writers, so the embedded default needs no lock.
/// </summary>
internal sealed class NotificationClaimer(PtceDbContext db) : INotificationClaimer
{
    public async Task<IReadOnlyList<Guid>> Claim(string node, int batchSize, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var until = (now + lease).UtcDateTime;
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQuery<Guid>($"""
                UPDATE "Notifications" SET "ClaimedBy" = {node}, "ClaimedUntil" = {until}, "Version" = "Version" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM "Notifications"
                    WHERE "Status" = {(int)DeliveryStatus.Pending} AND "NextAttemptAt" <= {at}
                      AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {at})
                    ORDER BY "CreatedAt"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var due = await db.Notifications
            .Where(n => n.Status == DeliveryStatus.Pending && n.NextAttemptAt <= at && (n.ClaimedUntil == null || n.ClaimedUntil < at))
            .OrderBy(n => n.CreatedAt).Take(batchSize).Select(n => n.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        await db.Notifications.Where(n => due.Contains(n.Id))
            .ExecuteUpdateAsync(
                s => s.SetProperty(n => n.ClaimedBy, node).SetProperty(n => n.ClaimedUntil, until).SetProperty(n => n.Version, n => n.Version + 1),
                cancellationToken).ConfigureAwait(false);
        return due;
    }
}
