using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>How long a browser session lives (<c>Sessions</c> settings).</summary>
public sealed class SessionSettings
{
    public const string Section = "Sessions";

    /// <summary>A session unused this long ends.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after its sign-in, used or not.</summary>
    public TimeSpan AbsoluteLifetime { get; init; } = TimeSpan.FromHours(12);
}

/// <summary>
/// What ends a session. A browser session is a row (<see cref="UserSession"/>): signing out deletes it, so a copied cookie
/// is worth nothing; it ends after <see cref="SessionSettings.IdleTimeout"/> unused and <see cref="SessionSettings.AbsoluteLifetime"/>
/// after its sign-in. Every session and bearer token of an account ends when its security stamp changes: a password
/// change or reset, a lockout, a role change or a deactivation.
/// Checked on every request (one indexed read), so an ended session stops at its next request.
/// </summary>
public sealed class SessionRegistry(PtceDbContext db, TimeProvider clock, IOptions<SessionSettings> settings, IOptions<IdentityOptions> identity)
{
    /// <summary>The claim of the sign-in cookie that names its session.</summary>
    public const string ClaimType = "ptce:sid";

    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>Opens a session for <paramref name="userId"/>, forgetting its sessions that have expired; answers its id, for the cookie.</summary>
    public async Task<Guid> Start(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - settings.Value.IdleTimeout;
        var startedBefore = now - settings.Value.AbsoluteLifetime;
        await db.UserSessions.Where(s => s.UserId == userId && (s.LastSeenAt < idleSince || s.StartedAt < startedBefore))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var session = new UserSession { Id = Guid.NewGuid(), UserId = userId, StartedAt = now, LastSeenAt = now };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return session.Id;
    }

    /// <summary>Ends the session of <paramref name="principal"/>'s cookie, if it names one.</summary>
    public async Task End(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SessionOf(principal) is { } sessionId)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether <paramref name="principal"/> may go on: its account's security stamp is the one it was signed in with and,
    /// for a cookie (<paramref name="browser"/>), its session exists, is not idle past the timeout nor older than its lifetime.
    /// </summary>
    public async Task<bool> IsAlive(ClaimsPrincipal principal, bool browser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) || stamp is null)
        {
            return false;
        }

        if (!browser)
        {
            return await db.Users.AnyAsync(u => u.Id == userId && u.SecurityStamp == stamp, cancellationToken).ConfigureAwait(false);
        }

        if (SessionOf(principal) is not { } sessionId)
        {
            return false;
        }

        var session = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.StartedAt, s.LastSeenAt, u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        if (session is null)
        {
            return false;
        }

        if (session.SecurityStamp != stamp || now - session.LastSeenAt > settings.Value.IdleTimeout || now - session.StartedAt > settings.Value.AbsoluteLifetime)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (now - session.LastSeenAt >= SeenResolution)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static Guid? SessionOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimType), out var id) ? id : null;
}
