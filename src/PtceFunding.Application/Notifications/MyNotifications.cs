namespace PtceFunding.Application.Notifications;

/// <summary>The signed-in user's in-app notifications, newest first, with the number still unread.</summary>
[Allow(Audience.SignedIn)]
public sealed record ListMyNotifications(int PageNumber = 1, int PageSize = 20) : IQuery<Result<MyNotifications>>;

public sealed record MyNotifications(Page<NotificationLine> Page, int Unread);

public sealed record NotificationLine(Guid Id, DateTime CreatedAt, string Subject, string Text, bool IsRead);

internal sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotifications>
{
    public ListMyNotificationsValidator()
    {
        RuleFor(q => q.PageNumber).GreaterThanOrEqualTo(1).WithMessage("Le numéro de page commence à 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100).WithMessage("Une page contient de 1 à 100 notifications.");
    }
}

internal sealed class ListMyNotificationsHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<ListMyNotifications, Result<MyNotifications>>
{
    public async ValueTask<Result<MyNotifications>> Handle(ListMyNotifications request, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == user.UserId && (n.Channels & NotificationChannels.InApp) != 0);
        var total = await mine.CountAsync(cancellationToken).ConfigureAwait(false);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken).ConfigureAwait(false);
        var items = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((request.PageNumber - 1) * request.PageSize).Take(request.PageSize)
            .Select(n => new NotificationLine(n.Id, n.CreatedAt, n.Subject, n.TextBody, n.ReadAt != null))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new MyNotifications(new Page<NotificationLine>(items, total, request.PageNumber, request.PageSize), unread);
    }
}

/// <summary>Marks one of the user's notifications as read (idempotent).</summary>
[Allow(Audience.SignedIn)]
public sealed record MarkNotificationRead(Guid Id) : ICommand<Result>;

internal sealed class MarkNotificationReadHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationRead, Result>
{
    public async ValueTask<Result> Handle(MarkNotificationRead request, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.FindAsync([request.Id], cancellationToken).ConfigureAwait(false);

        // Someone else's notification does not exist, as far as this user can tell.
        if (notification is null || notification.RecipientUserId != user.UserId)
        {
            return Error.NotFound("notification.not_found", "Cette notification n'existe pas.");
        }

        notification.MarkRead(clock.GetUtcNow());
        return Result.Success();
    }
}
