namespace PtceFunding.Infrastructure.Identity;

/// <summary>
/// A signed-in browser session, held on the server: the sign-in cookie names it (claim <see cref="SessionRegistry.ClaimType"/>),
/// and the cookie is worth nothing once the row is gone (signed out, expired, or every session of the account ended).
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    /// <summary>UTC; the absolute lifetime counts from here.</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>UTC, refreshed at most once a minute; the idle timeout counts from here.</summary>
    public DateTime LastSeenAt { get; set; }
}
