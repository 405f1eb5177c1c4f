using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PtceFunding.Application;
using PtceFunding.Application.Notifications;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>
/// A sign-in that tells nothing about which addresses have an account: every attempt hashes the password exactly once
/// (a decoy hash for an unknown address), and a wrong password gets the same plain failure whether the address is unknown,
/// the account locked, unconfirmed, or locked by this very attempt. Only the right password learns that the account is
/// locked (<see cref="SignInResult.IsLockedOut"/>) or awaits its e-mail confirmation (<see cref="ConfirmationPending"/>).
/// A wrong password counts towards the lockout on every account, confirmed or not; the lockout ends the account's sessions.
/// </summary>
public sealed class DiscreetSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    SecurityEvents events,
    Persistence.PtceDbContext db,
    ILinks links,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The right password for an account whose address is not confirmed yet.</summary>
    public static readonly SignInResult ConfirmationPending = new PendingConfirmation();

    private static string? _decoyHash;

    private bool _lockedNow;

    /// <summary>Signs in by address and password, and writes the outcome to the audit trail (<see cref="SecurityEvents"/>).</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName).ConfigureAwait(false) is not { } user)
        {
            var decoy = new AppUser();
            _decoyHash ??= UserManager.PasswordHasher.HashPassword(decoy, Guid.NewGuid().ToString());
            UserManager.PasswordHasher.VerifyHashedPassword(decoy, _decoyHash, password);
            await events.Record(SecurityEvent.SignInFailed, null, userName).ConfigureAwait(false);
            return SignInResult.Failed;
        }

        var outcome = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure).ConfigureAwait(false);
        if (outcome.RequiresTwoFactor)
        {
            // The second step (a code) records the outcome.
            return outcome;
        }

        await events.Record(EventOf(outcome), user).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The second step with a code from the authenticator application; never « remember this browser ».</summary>
    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await SecondStep(user => base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient: false)).ConfigureAwait(false);

    /// <summary>The second step with one of the account's recovery codes, which is then spent.</summary>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await SecondStep(async user =>
        {
            var outcome = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                await events.Record(SecurityEvent.RecoveryCodeUsed, user).ConfigureAwait(false);
            }

            return outcome;
        }).ConfigureAwait(false);

    private async Task<SignInResult> SecondStep(Func<AppUser, Task<SignInResult>> attempt)
    {
        if (await GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false) is not { } user)
        {
            return SignInResult.Failed;
        }

        var outcome = await attempt(user).ConfigureAwait(false);
        if (!outcome.Succeeded && await UserManager.IsLockedOutAsync(user).ConfigureAwait(false) && !_lockedNow)
        {
            // Locked by this wrong code (wrong codes count as wrong passwords do).
            await UserManager.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            _lockedNow = true;
            await TellTheOwner(user).ConfigureAwait(false);
        }

        await events.Record(EventOf(outcome), user).ConfigureAwait(false);
        return outcome;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await PreSignInCheck(user).ConfigureAwait(false) is not { } refused)
        {
            var outcome = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure).ConfigureAwait(false);
            if (!outcome.IsLockedOut)
            {
                return outcome;
            }

            // Locked by this attempt: whoever holds a session or a token of this account is out too, and its owner is told.
            await UserManager.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            _lockedNow = true;
            await TellTheOwner(user).ConfigureAwait(false);
            return SignInResult.Failed;
        }

        if (!await UserManager.CheckPasswordAsync(user, password).ConfigureAwait(false))
        {
            if (lockoutOnFailure && refused.IsNotAllowed)
            {
                await UserManager.AccessFailedAsync(user).ConfigureAwait(false);
            }

            return SignInResult.Failed;
        }

        return refused.IsNotAllowed ? (user.EmailConfirmed ? SignInResult.Failed : ConfirmationPending) : refused;
    }

    /// <summary>A deactivated account may not sign in, whatever its password (it is told nothing more than a wrong password).</summary>
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAt is null && !user.IsServiceAccount && await base.CanSignInAsync(user).ConfigureAwait(false);
    }

    /// <summary>
    /// From the token endpoint (the password grant, where it is enabled), the signed-in person's principal goes to the
    /// OAuth server, which answers with the tokens (<see cref="TokenPrincipal"/>); elsewhere, to the sign-in cookie.
    /// </summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        if (AuthenticationScheme != TokenPrincipal.ServerScheme)
        {
            await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims).ConfigureAwait(false);
            return;
        }

        var principal = await new TokenPrincipal(this).For(user, additionalClaims, [TokenPrincipal.ApiScope, OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess]).ConfigureAwait(false);
        await Context.SignInAsync(AuthenticationScheme, principal, authenticationProperties ?? new()).ConfigureAwait(false);
    }

    private SecurityEvent EventOf(SignInResult outcome) =>
        outcome.Succeeded ? (AuthenticationScheme == TokenPrincipal.ServerScheme ? SecurityEvent.TokenIssued : SecurityEvent.SignIn)
        : _lockedNow ? SecurityEvent.LockedOut
        : SecurityEvent.SignInFailed;

    private async Task TellTheOwner(AppUser user)
    {
        var now = clock.GetUtcNow();
        var until = user.LockoutEnd ?? now;
        await db.Enqueue(
            new OutgoingNotification(
                user.Id,
                user.Email!,
                new Notices.AccountLocked(FrenchFormat.DateTime(until, PlatformTime.TimeZoneId)) { Name = user.DisplayName, Link = links.SignIn() },
                NotificationChannels.Email,
                $"{nameof(Notices.AccountLocked)}:{user.Id}:{now:yyyyMMddHHmmss}"),
            now,
            CancellationToken.None).ConfigureAwait(false);
        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    private sealed class PendingConfirmation : SignInResult
    {
        public PendingConfirmation() => IsNotAllowed = true;
    }
}
