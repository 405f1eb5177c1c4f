namespace PtceFunding.Application.Notifications;

/// <summary>Messages to a funder's staff of one role (its program officers, its finance officers), by e-mail and in the platform.</summary>
public static class StaffNotices
{
    /// <summary>
    /// Writes one notification per user of <paramref name="role"/> attached to one of <paramref name="funders"/> to the
    /// outbox, with their name; the deduplication key is made personal by the recipient's id.
    /// </summary>
    public static async Task NotifyStaff(
        this IPtceDbContext db,
        IUserDirectory users,
        string role,
        IReadOnlyCollection<FunderId> funders,
        Notice notice,
        string deduplicationKey,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(funders);

        // Staff of a role are few: read once, filtered by funder here (as the reminders sweep does).
        var recipients = (await users.InRole(role).ConfigureAwait(false))
            .Where(u => !string.IsNullOrEmpty(u.Email) && u.FunderId is { } funder && funders.Contains(funder))
            .OrderBy(u => u.Id);
        foreach (var recipient in recipients)
        {
            await db.Enqueue(
                new OutgoingNotification(recipient.Id, recipient.Email!, notice with { Name = recipient.DisplayName }, NotificationChannels.EmailAndInApp, $"{deduplicationKey}:{recipient.Id}"),
                now,
                cancellationToken).ConfigureAwait(false);
        }
    }
}
