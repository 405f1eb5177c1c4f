namespace PtceFunding.Application.Notifications;

/// <summary>Messages to an organisation: every user verified to act for it, by e-mail and in the platform.</summary>
public static class OrganisationNotices
{
    /// <summary>
    /// Writes one notification per verified user of <paramref name="organisationId"/> to the outbox, with
    /// their name; the deduplication key is made personal by the recipient's id.
    /// </summary>
    public static async Task NotifyVerifiedUsers(
        this IPtceDbContext db, OrganisationId organisationId, Notice notice, string deduplicationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var recipients = await (
                from membership in db.OrganisationMemberships.AsNoTracking()
                join account in db.Users on membership.UserId equals account.Id
                where membership.OrganisationId == organisationId && membership.Status == MembershipStatus.Verified
                select new { account.Id, account.Email, account.DisplayName })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var recipient in recipients.Where(r => !string.IsNullOrEmpty(r.Email)))
        {
            await db.Enqueue(
                new OutgoingNotification(recipient.Id, recipient.Email!, notice with { Name = recipient.DisplayName }, NotificationChannels.EmailAndInApp, $"{deduplicationKey}:{recipient.Id}"),
                now,
                cancellationToken).ConfigureAwait(false);
        }
    }
}
