namespace PtceFunding.Application.Notifications;

/// <summary>The <c>Notifications</c> configuration section: how the outbox is drained.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>E-mails claimed per run of the delivery job.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long a node keeps the items it claimed. Longer than an SMTP exchange can take, so a live
    /// node never loses its claim mid-send; after it, the items of a dead node are delivered by another.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
}
