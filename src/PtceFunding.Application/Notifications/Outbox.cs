namespace PtceFunding.Application.Notifications;

/// <summary>What a command asks to be sent: the outbox writes it in the command's own transaction.</summary>
public sealed record OutgoingNotification(
    Guid? RecipientUserId,
    string RecipientEmail,
    Notice Notice,
    NotificationChannels Channels,
    string DeduplicationKey);

public static class Outbox
{
    /// <summary>
    /// Adds the notification to the outbox unless one with the same deduplication key exists —
    /// so a retried command or a second sweep never sends twice. Nothing leaves the process here.
    /// </summary>
    public static async Task<bool> Enqueue(this IPtceDbContext db, OutgoingNotification outgoing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outgoing);
        if (await db.Notifications.AnyAsync(n => n.DeduplicationKey == outgoing.DeduplicationKey, cancellationToken).ConfigureAwait(false)
            || db.Notifications.Local.Any(n => n.DeduplicationKey == outgoing.DeduplicationKey))
        {
            return false;
        }

        db.Notifications.Add(Notification.Create(
            outgoing.RecipientUserId,
            outgoing.RecipientEmail,
            outgoing.Notice.Template,
            outgoing.Notice.Render(),
            outgoing.Channels,
            outgoing.DeduplicationKey,
            now,
            sensitive: outgoing.Notice.CarriesCredential));
        return true;
    }
}
