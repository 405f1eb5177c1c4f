using Npgsql;
using NpgsqlTypes;

namespace PtceFunding.Infrastructure.Persistence;

/// <summary>
/// Inserts outbox rows in bulk. On PostgreSQL a binary COPY: thousands of reminders in one round trip, no change
/// tracking; a duplicate key aborts the COPY (nothing written) and surfaces as a <see cref="DbUpdateException"/>.
/// Elsewhere (SQLite, the embedded default) through EF, then detached.
/// </summary>
internal sealed class NotificationBulkWriter(PtceDbContext db) : INotificationBulkWriter
{
    public async Task Insert(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.Count == 0)
        {
            return;
        }

        if (!db.Database.IsNpgsql())
        {
            db.Notifications.AddRange(notifications);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                foreach (var notification in notifications)
                {
                    db.Entry(notification).State = EntityState.Detached;
                }
            }

            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var writer = await connection.BeginBinaryImportAsync(
                """
                COPY "Notifications" ("Id", "RecipientUserId", "RecipientEmail", "Template", "Subject", "TextBody", "HtmlBody", "Channels",
                  "DeduplicationKey", "Status", "Attempts", "NextAttemptAt", "LastError", "CreatedAt", "SentAt", "ReadAt", "ClaimedBy", "ClaimedUntil", "Version")
                FROM STDIN (FORMAT BINARY)
                """,
                cancellationToken).ConfigureAwait(false);
            foreach (var n in notifications)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.Id, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, n.RecipientUserId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.RecipientEmail, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.Template, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.Subject, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.TextBody, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.HtmlBody, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync((int)n.Channels, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.DeduplicationKey, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync((int)n.Status, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.Attempts, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.NextAttemptAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, n.LastError, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, n.SentAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, n.ReadAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, n.ClaimedBy, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, n.ClaimedUntil, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(n.Version, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DbUpdateException("An outbox key was written concurrently.", e);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await writer.WriteAsync(value, type, cancellationToken).ConfigureAwait(false);
        }
    }
}
