using Microsoft.Extensions.Options;

namespace PtceFunding.Application.Notifications;

/// <summary>
/// Drains the outbox (sent by the delivery job): claims due e-mails, sends them one by one and
/// records each outcome. At-least-once per claim, and never two nodes on the same item.
/// </summary>
[Allow(Audience.System)]
public sealed record DeliverNotifications : ICommand<Result<DeliveryFigures>>, IManagesOwnTransactions;

public sealed record DeliveryFigures(int Claimed, int Sent, int Retrying, int Failed);

internal sealed class DeliverNotificationsHandler(IPtceDbContext db, INotificationClaimer claimer, IEmailSender email, ISecretBox secrets, TimeProvider clock, IOptions<NotificationOptions> options)
    : ICommandHandler<DeliverNotifications, Result<DeliveryFigures>>
{
    public async ValueTask<Result<DeliveryFigures>> Handle(DeliverNotifications request, CancellationToken cancellationToken)
    {
        var node = ClusterNode.Name;
        var claimed = await claimer.Claim(node, options.Value.BatchSize, clock.GetUtcNow(), options.Value.ClaimLease, cancellationToken).ConfigureAwait(false);
        int sent = 0, retrying = 0, failed = 0;
        foreach (var id in claimed)
        {
            var notification = await db.Notifications.FindAsync([id], cancellationToken).ConfigureAwait(false);
            if (notification is null || !notification.IsClaimedBy(node))
            {
                continue;
            }

            try
            {
                var (text, html) = notification.Sensitive
                    ? (secrets.Open(notification.TextBody), secrets.Open(notification.HtmlBody))
                    : (notification.TextBody, notification.HtmlBody);
                await email.Send(new EmailMessage(notification.RecipientEmail, notification.Subject, text, html, notification.Id.ToString()), cancellationToken).ConfigureAwait(false);
                notification.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (EmailDeliveryException exception)
            {
                notification.RecordFailure(exception.Message, exception.Permanent, clock.GetUtcNow());
                if (notification.Status == DeliveryStatus.Failed)
                {
                    failed++;
                }
                else
                {
                    retrying++;
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new DeliveryFigures(claimed.Count, sent, retrying, failed);
    }
}
