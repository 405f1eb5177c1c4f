namespace PtceFunding.Application.Abstractions;

/// <summary>An e-mail ready to leave: one recipient, a plain-text and an HTML part.</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html, string MessageId);

/// <summary>Sends e-mail (SMTP in production). Throws <see cref="EmailDeliveryException"/> when it cannot.</summary>
public interface IEmailSender
{
    Task Send(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>A failed delivery; <see cref="Permanent"/> when retrying cannot help (e.g. the mailbox does not exist).</summary>
public sealed class EmailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>
/// Claims outbox items due for delivery so that two nodes never deliver the same one
/// (row locks skipped on PostgreSQL); a claim lapses after the lease if its node dies.
/// </summary>
public interface INotificationClaimer
{
    Task<IReadOnlyList<Guid>> Claim(string node, int batchSize, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);
}

/// <summary>
/// Writes many new outbox rows at once (the reminders sweep). On PostgreSQL one binary COPY per call instead of an
/// INSERT per row. A key already in the outbox (written concurrently) fails the whole call with a
/// <see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/>, as SaveChanges would: read the keys again and retry.
/// </summary>
public interface INotificationBulkWriter
{
    Task Insert(IReadOnlyCollection<Domain.Notifications.Notification> notifications, CancellationToken cancellationToken);
}
