using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PtceFunding.Application.Auditing;
using PtceFunding.Application.Users;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>The security events written to the audit trail (entity type <see cref="SecurityEvents.EntityType"/>), read by administrators.</summary>
public enum SecurityEvent
{
    /// <summary>A sign-in to the pages (a browser session starts).</summary>
    SignIn,

    /// <summary>A bearer token issued by the token endpoint.</summary>
    TokenIssued,

    /// <summary>A wrong password, an unknown address, or an account that may not sign in now.</summary>
    SignInFailed,

    /// <summary>The attempt that locked the account; its sessions and tokens end with it.</summary>
    LockedOut,

    /// <summary>A sign-out: the browser session ends.</summary>
    SignOut,

    /// <summary>A password set again through the e-mailed link; every session and token of the account ends.</summary>
    PasswordReset,

    /// <summary>A password changed by its owner, who gave the current one; every session and token of the account ends.</summary>
    PasswordChanged,

    /// <summary>An administrator changed the account's role; every session and token of the account ends.</summary>
    RoleChanged,

    /// <summary>An administrator deactivated the account; every session and token of the account ends.</summary>
    Deactivated,

    /// <summary>An administrator reactivated the account.</summary>
    Reactivated,

    /// <summary>The owner turned on the second factor (authenticator application) and received recovery codes.</summary>
    MfaEnabled,

    /// <summary>The owner turned the second factor off (never possible for a role that requires it).</summary>
    MfaDisabled,

    /// <summary>The owner replaced the recovery codes; the former ones no longer work.</summary>
    RecoveryCodesRenewed,

    /// <summary>A recovery code was spent to sign in.</summary>
    RecoveryCodeUsed,

    /// <summary>An administrator reset the account's second factor (its owner lost it); every session and token of the account ends.</summary>
    MfaReset,
}

/// <summary>
/// Writes security events to the audit trail (ASVS V7.1.3, V7.2.1): who (the account, or the address typed when there
/// is none), which event, from which address, when. Never a password or a token. The actor is the account itself, so
/// that its funder's administrators read the events of their staff as they read their changes.
/// </summary>
public sealed class SecurityEvents(PtceDbContext db, IHttpContextAccessor http, TimeProvider clock, ICurrentUser user)
{
    public const string EntityType = "Compte";

    /// <summary>An event of <paramref name="account"/>, or of the address typed when no account has it.</summary>
    public Task Record(SecurityEvent kind, AppUser? account, string? typedEmail = null) =>
        Record(kind, account?.Id, account?.Email ?? typedEmail, account?.FunderId?.Value);

    /// <summary>An event of the signed-in account <paramref name="principal"/> (its id, name and funder from its claims).</summary>
    public Task Record(SecurityEvent kind, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId)
            ? Record(kind, accountId, principal.Identity?.Name, Guid.TryParse(principal.FindFirstValue(PtceClaims.FunderId), out var funder) ? funder : null)
            : Task.CompletedTask;
    }

    private async Task Record(SecurityEvent kind, Guid? accountId, string? email, Guid? funderId)
    {
        var context = http.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorId = accountId,
            ActorName = Truncate(email ?? "inconnu", 200),
            ActorFunderId = funderId,
            Operation = kind.ToString(),
            EntityType = EntityType,
            EntityId = accountId?.ToString() ?? "",
            Change = "Event",
            Changes = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["adresseIp"] = context?.Connection.RemoteIpAddress?.ToString(),
                ["navigateur"] = Truncate(context?.Request.Headers.UserAgent.ToString() ?? "", 200),
            }),
            CorrelationId = user.CorrelationId,
        });
        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
