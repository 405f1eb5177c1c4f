namespace PtceFunding.Application.Notifications;

/// <summary>The outbox as administrators see it: counts per status and the items not yet sent.</summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record GetOutbox(DeliveryStatus? Status = null, int Take = 100) : IQuery<Result<OutboxOverview>>;

public sealed record OutboxOverview(int Pending, int Sent, int Failed, IReadOnlyList<OutboxLine> Items);

public sealed record OutboxLine(Guid Id, DateTime CreatedAt, string RecipientEmail, string Subject, DeliveryStatus Status, int Attempts, DateTime NextAttemptAt, string? LastError);

internal sealed class GetOutboxHandler(IPtceDbContext db) : IQueryHandler<GetOutbox, Result<OutboxOverview>>
{
    public async ValueTask<Result<OutboxOverview>> Handle(GetOutbox request, CancellationToken cancellationToken)
    {
        var counts = await db.Notifications.AsNoTracking().GroupBy(n => n.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken).ConfigureAwait(false);
        var query = db.Notifications.AsNoTracking().Where(n => request.Status == null ? n.Status != DeliveryStatus.Sent : n.Status == request.Status);
        var items = await query.OrderByDescending(n => n.CreatedAt).Take(request.Take)
            .Select(n => new OutboxLine(n.Id, n.CreatedAt, n.RecipientEmail, n.Subject, n.Status, n.Attempts, n.NextAttemptAt, n.LastError))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new OutboxOverview(counts.GetValueOrDefault(DeliveryStatus.Pending), counts.GetValueOrDefault(DeliveryStatus.Sent), counts.GetValueOrDefault(DeliveryStatus.Failed), items);
    }
}

/// <summary>Sends a failed e-mail again from the administration page.</summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record RetryNotification(Guid Id) : ICommand<Result>;

internal sealed class RetryNotificationHandler(IPtceDbContext db, TimeProvider clock) : ICommandHandler<RetryNotification, Result>
{
    public async ValueTask<Result> Handle(RetryNotification request, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.FindAsync([request.Id], cancellationToken).ConfigureAwait(false);
        return notification is null
            ? Error.NotFound("notification.not_found", "Cette notification n'existe pas.")
            : notification.Retry(clock.GetUtcNow());
    }
}
