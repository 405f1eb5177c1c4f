using Microsoft.AspNetCore.Identity;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>The accounts of the platform through ASP.NET Core Identity's user manager.</summary>
internal sealed class UserDirectory(UserManager<AppUser> users, SecurityEvents events) : IUserDirectory
{
    public async Task<UserAccount?> FindById(Guid id) => Read(await users.FindByIdAsync(id.ToString()).ConfigureAwait(false));

    public async Task<UserAccount?> FindByEmail(string email) => Read(await users.FindByEmailAsync(email).ConfigureAwait(false));

    public async Task<bool> IsInRole(Guid userId, string role) => await FindInRole(userId, role).ConfigureAwait(false) is not null;

    public async Task<UserAccount?> FindInRole(Guid userId, string role) =>
        await users.FindByIdAsync(userId.ToString()).ConfigureAwait(false) is { } user && await users.IsInRoleAsync(user, role).ConfigureAwait(false)
            ? Read(user)
            : null;

    public async Task<IReadOnlyList<string>> RolesOf(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()).ConfigureAwait(false) is { } user ? [.. await users.GetRolesAsync(user).ConfigureAwait(false)] : [];

    public async Task<IReadOnlyList<UserAccount>> InRole(string role) =>
        [.. (await users.GetUsersInRoleAsync(role).ConfigureAwait(false)).Select(u => Read(u)!)];

    public async Task<string?> PasswordProblem(string password, string email, string displayName)
    {
        var errors = new List<IdentityError>();
        var account = new AppUser { Email = email, DisplayName = displayName };
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, account, password).ConfigureAwait(false)).Errors);
        }

        return errors.Count == 0 ? null : IdentityMessages.Describe(IdentityResult.Failed([.. errors]));
    }

    public async Task<Result<UserAccount>> Create(NewAccount account, string? password, string role)
    {
        ArgumentNullException.ThrowIfNull(account);
        var user = account.SelfRegistered
            ? AppUser.NewApplicant(account.Email, account.DisplayName, account.CreatedAt)
            : AppUser.New(account.Email, account.DisplayName, account.FunderId, account.CreatedAt);
        var created = password is null
            ? await users.CreateAsync(user).ConfigureAwait(false)
            : await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return Error.Validation("Password", IdentityMessages.Describe(created));
        }

        Ensure(await users.AddToRoleAsync(user, role).ConfigureAwait(false), $"Role '{role}' could not be granted");
        return Read(user)!;
    }

    public async Task ChangeRole(Guid userId, string role)
    {
        var user = await Existing(userId).ConfigureAwait(false);
        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        Ensure(await users.RemoveFromRolesAsync(user, current).ConfigureAwait(false), "The roles could not be removed");
        Ensure(await users.AddToRoleAsync(user, role).ConfigureAwait(false), $"Role '{role}' could not be granted");
        Ensure(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false), "The sessions could not be ended");
        await events.Record(SecurityEvent.RoleChanged, user).ConfigureAwait(false);
    }

    public async Task SetActive(Guid userId, bool active, DateTimeOffset now)
    {
        var user = await Existing(userId).ConfigureAwait(false);
        if (active == (user.DeactivatedAt is null))
        {
            return;
        }

        user.DeactivatedAt = active ? null : now.UtcDateTime;
        Ensure(await users.UpdateAsync(user).ConfigureAwait(false), "The account could not be updated");
        Ensure(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false), "The sessions could not be ended");
        await events.Record(active ? SecurityEvent.Reactivated : SecurityEvent.Deactivated, user).ConfigureAwait(false);
    }

    public async Task ResetSecondFactor(Guid userId)
    {
        var user = await Existing(userId).ConfigureAwait(false);
        Ensure(await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false), "The second factor could not be turned off");
        Ensure(await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false), "The authenticator key could not be forgotten");
        await events.Record(SecurityEvent.MfaReset, user).ConfigureAwait(false);
    }

    public void HashAndForget(string password) => users.PasswordHasher.HashPassword(new AppUser(), password);

    public async Task<string> EmailConfirmationToken(Guid userId) =>
        await users.GenerateEmailConfirmationTokenAsync(await Existing(userId).ConfigureAwait(false)).ConfigureAwait(false);

    public async Task<string> PasswordResetToken(Guid userId) =>
        await users.GeneratePasswordResetTokenAsync(await Existing(userId).ConfigureAwait(false)).ConfigureAwait(false);

    public async Task<bool> ConfirmEmail(Guid userId, string token) =>
        await users.FindByIdAsync(userId.ToString()).ConfigureAwait(false) is { } user
        && (await users.ConfirmEmailAsync(user, token).ConfigureAwait(false)).Succeeded;

    public async Task<PasswordChangeRefusal?> ChangePassword(Guid userId, string currentPassword, string newPassword)
    {
        var user = await Existing(userId).ConfigureAwait(false);

        // Identity checks the current password (one hash) and changes the security stamp with the password: every
        // session and token of the account ends.
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword).ConfigureAwait(false);
        if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            return new PasswordChangeRefusal(WrongCurrent: true, null);
        }

        if (!changed.Succeeded)
        {
            return new PasswordChangeRefusal(WrongCurrent: false, IdentityMessages.Describe(changed));
        }

        await events.Record(SecurityEvent.PasswordChanged, user).ConfigureAwait(false);
        return null;
    }

    public async Task<PasswordResetRefusal?> ResetPassword(Guid userId, string token, string newPassword)
    {
        if (await users.FindByIdAsync(userId.ToString()).ConfigureAwait(false) is not { } user)
        {
            return new PasswordResetRefusal(null);
        }

        var reset = await users.ResetPasswordAsync(user, token, newPassword).ConfigureAwait(false);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? new PasswordResetRefusal(null)
                : new PasswordResetRefusal(IdentityMessages.Describe(reset));
        }

        // Whoever proves they read the mailbox may sign in again at once.
        Ensure(await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false), "The account could not be unlocked");
        Ensure(await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false), "The account could not be unlocked");
        await events.Record(SecurityEvent.PasswordReset, user).ConfigureAwait(false);
        return null;
    }

    private async Task<AppUser> Existing(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Account {userId} does not exist.");

    private static UserAccount? Read(AppUser? user) => user is null ? null : new UserAccount
    {
        Id = user.Id,
        Email = user.Email,
        NormalizedEmail = user.NormalizedEmail,
        DisplayName = user.DisplayName,
        FunderId = user.FunderId,
        EmailConfirmed = user.EmailConfirmed,
        HasPassword = user.PasswordHash is not null,
        IsActive = user.DeactivatedAt is null,
    };

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what}: {IdentityMessages.Describe(result)}");
        }
    }
}
