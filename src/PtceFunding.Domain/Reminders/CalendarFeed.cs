namespace PtceFunding.Domain.Reminders;

/// <summary>
/// A person's secret calendar address (flux iCalendar) of their upcoming deadlines: one per user, identified by a
/// random token of which only the hash is stored. Regenerating replaces the token (the old address stops working);
/// revoking deletes the row.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>SHA-256 of the token in the address: whoever reads the database cannot subscribe.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static CalendarFeed Create(Guid userId, string tokenHash, DateTimeOffset now) => new()
    {
        UserId = userId,
        TokenHash = tokenHash,
        CreatedAt = now.UtcDateTime,
    };

    public void Regenerate(string tokenHash, DateTimeOffset now)
    {
        TokenHash = tokenHash;
        CreatedAt = now.UtcDateTime;
    }
}
