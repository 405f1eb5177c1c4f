using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PtceFunding.Application.Reminders;

/// <summary>Whether I have a calendar address, and since when (the address itself is shown only when it is created).</summary>
[Allow(Audience.SignedIn)]
public sealed record GetMyCalendarFeed : IQuery<Result<CalendarFeedView>>;

public sealed record CalendarFeedView(bool Active, DateTime? CreatedAt);

/// <summary>Creates my secret calendar address, or replaces it (the previous one stops working). Answers the token, shown once.</summary>
[Allow(Audience.SignedIn)]
public sealed record CreateMyCalendarFeed : ICommand<Result<string>>;

/// <summary>Revokes my calendar address: it answers 404 from now on.</summary>
[Allow(Audience.SignedIn)]
public sealed record RevokeMyCalendarFeed : ICommand<Result>;

internal static class CalendarTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}

internal sealed class GetMyCalendarFeedHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetMyCalendarFeed, Result<CalendarFeedView>>
{
    public async ValueTask<Result<CalendarFeedView>> Handle(GetMyCalendarFeed request, CancellationToken cancellationToken)
    {
        var createdAt = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == user.UserId).Select(f => (DateTime?)f.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new CalendarFeedView(createdAt is not null, createdAt);
    }
}

internal sealed class CreateMyCalendarFeedHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateMyCalendarFeed, Result<string>>
{
    public async ValueTask<Result<string>> Handle(CreateMyCalendarFeed request, CancellationToken cancellationToken)
    {
        var token = CalendarTokens.New();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == user.UserId, cancellationToken).ConfigureAwait(false);
        if (feed is null)
        {
            db.CalendarFeeds.Add(CalendarFeed.Create(user.UserId!.Value, CalendarTokens.Hash(token), clock.GetUtcNow()));
        }
        else
        {
            feed.Regenerate(CalendarTokens.Hash(token), clock.GetUtcNow());
        }

        return token;
    }
}

internal sealed class RevokeMyCalendarFeedHandler(IPtceDbContext db, ICurrentUser user) : ICommandHandler<RevokeMyCalendarFeed, Result>
{
    public async ValueTask<Result> Handle(RevokeMyCalendarFeed request, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == user.UserId, cancellationToken).ConfigureAwait(false);
        if (feed is not null)
        {
            db.CalendarFeeds.Remove(feed);
        }

        return Result.Success();
    }
}
