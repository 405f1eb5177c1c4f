using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>
/// Multi-factor authentication (ASVS V2.8, docs/adr/0032): a code from an authenticator application (TOTP, RFC 6238) or
/// a one-time recovery code after the password. Administrators and finance officers — who manage accounts, approve bank
/// details and record payments — must have it; everyone else may. A session proves it with the <c>amr</c> claim
/// <c>mfa</c> that Identity's two-factor sign-in writes.
/// </summary>
public static class MultiFactor
{
    public const string MethodsClaim = "amr";

    public const string Done = "mfa";

    /// <summary>How many recovery codes an enrolment gives.</summary>
    public const int RecoveryCodes = 10;

    /// <summary>The roles that may act only after a second factor.</summary>
    public static readonly IReadOnlyList<string> RequiredRoles = [Roles.Administrator, Roles.FinanceOfficer];

    public static bool IsRequiredFor(ClaimsPrincipal principal) => RequiredRoles.Any(principal.IsInRole);

    public static bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(RequiredRoles.Contains);

    /// <summary>Whether this session signed in with a second factor.</summary>
    public static bool IsSatisfiedBy(ClaimsPrincipal principal) => principal.HasClaim(MethodsClaim, Done);

    /// <summary>
    /// Gives <paramref name="user"/> the authenticator key <paramref name="key"/> (Base32) without ending its sessions, as the
    /// first step of an enrolment (the second factor is on only once a code from it is confirmed), or to seed demo accounts.
    /// </summary>
    public static async Task SetKey(UserManager<AppUser> users, IUserStore<AppUser> store, AppUser user, string key)
    {
        ArgumentNullException.ThrowIfNull(users);
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None).ConfigureAwait(false);
        var updated = await users.UpdateAsync(user).ConfigureAwait(false);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", updated.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>The address an authenticator application reads from the QR code (Key URI format).</summary>
    public static string KeyUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("PtceFunding:" + email)}?secret={key}&issuer=PtceFunding&digits=6&period=30";

    /// <summary>The key in groups of four, to type by hand.</summary>
    public static string Readable(string key) =>
        string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();

    /// <summary>The code an authenticator application shows for <paramref name="key"/> at <paramref name="at"/> (demo and tests).</summary>
    public static string CodeAt(string key, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at.UtcDateTime);
}

/// <summary>
/// Checks authenticator codes on the platform's clock, accepting the previous and the next 30-second step for clock drift,
/// and each step only once per account (ASVS V2.8.4): the step of the last code accepted is kept with the account.
/// Replaces Identity's provider, which accepts five steps and the same code again.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(TimeProvider clock, Persistence.PtceDbContext db) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "PtceAuthenticator";

    private const string LastStep = "LastAuthenticatorStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false));

    /// <summary>Nothing is sent: the code is on the person's device.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var code = token?.Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false) is not { } key)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Name, LastStep).ConfigureAwait(false), out var used) ? used : 0;
        if (step <= last)
        {
            return false;
        }

        return await Spend(manager, user, step).ConfigureAwait(false);
    }

    /// <summary>
    /// Records <paramref name="step"/> as used. Two requests with the same code at once both read the former step: the
    /// account's concurrency stamp (or the token row's unique key, the first time) lets one write; the other is refused
    /// as a replay, and its unsaved changes are dropped so that the rest of its request (the failed attempt counted)
    /// goes on from the database's state.
    /// </summary>
    private async Task<bool> Spend(UserManager<AppUser> manager, AppUser user, long step)
    {
        try
        {
            if ((await manager.SetAuthenticationTokenAsync(user, Name, LastStep, step.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false)).Succeeded)
            {
                return true;
            }
        }
        catch (DbUpdateException)
        {
            // The other request inserted the row first.
        }

        foreach (var entry in db.ChangeTracker.Entries<IdentityUserToken<Guid>>().Where(e => e.State != EntityState.Unchanged).ToList())
        {
            entry.State = EntityState.Detached;
        }

        await db.Entry(user).ReloadAsync().ConfigureAwait(false);
        return false;
    }
}
