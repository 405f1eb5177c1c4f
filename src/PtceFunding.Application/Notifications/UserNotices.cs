namespace PtceFunding.Application.Notifications;

/// <summary>Messages to one person by their account, by e-mail and in the platform.</summary>
public static class UserNotices
{
    /// <summary>
    /// Writes <paramref name="notice"/> to the outbox for the account <paramref name="userId"/>, with its name; nothing
    /// when the account is gone or has no e-mail address.
    /// </summary>
    public static async Task NotifyUser(
        this IPtceDbContext db, Guid userId, Notice notice, string deduplicationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (account is { Email: { Length: > 0 } email })
        {
            await db.Enqueue(
                new OutgoingNotification(userId, email, notice with { Name = account.DisplayName }, NotificationChannels.EmailAndInApp, deduplicationKey),
                now,
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An organisation's name, for the messages that speak of it.</summary>
    public static async Task<string> OrganisationName(this IPtceDbContext db, OrganisationId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? "";
    }
}
