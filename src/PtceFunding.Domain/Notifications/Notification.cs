namespace PtceFunding.Domain.Notifications;

/// <summary>Where a notification goes: by e-mail, in the application, or both.</summary>
[Flags]
public enum NotificationChannels
{
    InApp = 1,
    Email = 2,
    EmailAndInApp = InApp | Email,
}

/// <summary>Delivery state of a notification's e-mail.</summary>
public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// A message to one person, written to the outbox in the transaction of the command that decided
/// to send it, then delivered by the background job: e-mail with retries, and always visible in
/// the application.
/// </summary>
public sealed class Notification : AggregateRoot
{
    /// <summary>Delivery attempts before an e-mail is given up as failed.</summary>
    public const int MaxAttempts = 8;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(2);

    private Notification()
    {
    }

    /// <summary>What a sensitive message's bodies become once it has left: the link it carried is nobody's to read again.</summary>
    public const string Forgotten = "(message effacé après envoi : il contenait un lien personnel)";

    public Guid Id { get; private set; }

    /// <summary>The recipient's account, when they have one (in-app notifications need it).</summary>
    public Guid? RecipientUserId { get; private set; }

    public string RecipientEmail { get; private set; } = "";

    public string Template { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public NotificationChannels Channels { get; private set; }

    /// <summary>
    /// Its link is a credential: its bodies are stored sealed (<see cref="Seal"/>, opened only to send it) and forgotten
    /// once it is sent (ASVS V8.3: no password-reset or confirmation link readable in the outbox).
    /// </summary>
    public bool Sensitive { get; private set; }

    /// <summary>Unique: writing the same notification twice (a retried command, a second sweep) is a no-op.</summary>
    public string DeduplicationKey { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>The node that claimed the item for delivery, until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; private set; }

    public DateTime? ClaimedUntil { get; private set; }

    public static Notification Create(
        Guid? recipientUserId, string recipientEmail, string template, RenderedMessage message,
        NotificationChannels channels, string deduplicationKey, DateTimeOffset now, bool sensitive = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (channels.HasFlag(NotificationChannels.InApp) && recipientUserId is null)
        {
            throw new ArgumentException("An in-app notification needs a recipient account.", nameof(recipientUserId));
        }

        return new Notification
        {
            Id = Guid.CreateVersion7(),
            RecipientUserId = recipientUserId,
            RecipientEmail = recipientEmail,
            Template = template,
            Subject = message.Subject,
            TextBody = message.Text,
            HtmlBody = message.Html,
            Channels = channels,
            Sensitive = sensitive,
            DeduplicationKey = deduplicationKey,
            Status = channels.HasFlag(NotificationChannels.Email) ? DeliveryStatus.Pending : DeliveryStatus.Sent,
            CreatedAt = now.UtcDateTime,
            NextAttemptAt = now.UtcDateTime,
            SentAt = channels.HasFlag(NotificationChannels.Email) ? null : now.UtcDateTime,
        };
    }

    public bool IsClaimedBy(string node) => ClaimedBy == node;

    /// <summary>Replaces a sensitive message's bodies with what <paramref name="seal"/> makes of them, once, before they are stored.</summary>
    public void Seal(Func<string, string> seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        if (Sensitive && TextBody != Forgotten)
        {
            TextBody = seal(TextBody);
            HtmlBody = seal(HtmlBody);
        }
    }

    public void MarkSent(DateTimeOffset now)
    {
        if (Sensitive)
        {
            TextBody = Forgotten;
            HtmlBody = Forgotten;
        }

        Status = DeliveryStatus.Sent;
        Attempts++;
        SentAt = now.UtcDateTime;
        LastError = null;
        Release();
    }

    /// <summary>
    /// Records a failed attempt: a temporary failure is retried with exponential back-off
    /// (30 s, 1 min, 2 min… at most 2 h) until <see cref="MaxAttempts"/>; a permanent one fails at once.
    /// </summary>
    public void RecordFailure(string error, bool permanent, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (permanent || Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
        }
        else
        {
            NextAttemptAt = (now + RetryDelay(Attempts)).UtcDateTime;
        }

        Release();
    }

    public static TimeSpan RetryDelay(int attempts)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }

    /// <summary>An administrator sends a failed e-mail again: a fresh series of attempts.</summary>
    public Result Retry(DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Failed)
        {
            return Error.RuleBroken("notification.not_failed", "Seul un envoi en échec peut être relancé.");
        }

        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now.UtcDateTime;
        return Result.Success();
    }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now.UtcDateTime;

    private void Release()
    {
        ClaimedBy = null;
        ClaimedUntil = null;
    }
}

/// <summary>A message rendered from a template: subject, plain text and HTML.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);
