namespace PtceFunding.Application.Abstractions;

/// <summary>
/// A person who signs in, as the use cases read them: staff of a funder, a platform administrator or an applicant.
/// The account itself (password, lockout, tokens) belongs to ASP.NET Core Identity, in Infrastructure.
/// </summary>
public sealed class UserAccount
{
    public Guid Id { get; init; }

    public string? Email { get; init; }

    /// <summary>The e-mail as Identity compares it (upper case).</summary>
    public string? NormalizedEmail { get; init; }

    public string DisplayName { get; init; } = "";

    /// <summary>The funder a staff member acts for; null for applicants and platform-wide administrators.</summary>
    public FunderId? FunderId { get; init; }

    public bool EmailConfirmed { get; init; }

    /// <summary>False for a staff member invited who has not chosen a password yet.</summary>
    public bool HasPassword { get; init; }

    /// <summary>False once an administrator deactivated the account.</summary>
    public bool IsActive { get; init; } = true;
}

/// <summary>The accounts of the platform, behind ASP.NET Core Identity (implemented in Infrastructure).</summary>
public interface IUserDirectory
{
    Task<UserAccount?> FindById(Guid id);

    Task<UserAccount?> FindByEmail(string email);

    Task<bool> IsInRole(Guid userId, string role);

    /// <summary>The account, when it exists and holds <paramref name="role"/>; null otherwise.</summary>
    Task<UserAccount?> FindInRole(Guid userId, string role);

    Task<IReadOnlyList<string>> RolesOf(Guid userId);

    /// <summary>Every account holding <paramref name="role"/> (staff of a role are few).</summary>
    Task<IReadOnlyList<UserAccount>> InRole(string role);

    /// <summary>
    /// The password policy's verdict on <paramref name="password"/> for the account of <paramref name="email"/> and
    /// <paramref name="displayName"/> (neither may appear in it), as a French sentence; null when it is accepted.
    /// </summary>
    Task<string?> PasswordProblem(string password, string email, string displayName);

    /// <summary>
    /// Creates an account with <paramref name="password"/> (none for an invited staff member, who chooses it through the
    /// invitation link) and grants it <paramref name="role"/>. A self-registered applicant (<see cref="NewAccount.SelfRegistered"/>)
    /// confirms the e-mail before signing in. Answers a validation error (field <c>Password</c>) when the password or the address is refused.
    /// </summary>
    Task<Result<UserAccount>> Create(NewAccount account, string? password, string role);

    /// <summary>
    /// Hashes <paramref name="password"/> as creating an account would, and forgets it: a registration for an address that
    /// already has an account then takes about as long as one that creates it (no account enumeration by timing).
    /// </summary>
    void HashAndForget(string password);

    Task<string> EmailConfirmationToken(Guid userId);

    /// <summary>Gives the account <paramref name="role"/> instead of its current roles; every session and token of the account ends.</summary>
    Task ChangeRole(Guid userId, string role);

    /// <summary>Deactivates (or reactivates) the account; deactivating ends every session and token of the account.</summary>
    Task SetActive(Guid userId, bool active, DateTimeOffset now);

    /// <summary>Turns the account's second factor off and forgets its key, ending every session and token: the person enrols again at their next sign-in.</summary>
    Task ResetSecondFactor(Guid userId);

    Task<string> PasswordResetToken(Guid userId);

    /// <summary>Confirms the address when the token is the one e-mailed; false otherwise (wrong, expired or used).</summary>
    Task<bool> ConfirmEmail(Guid userId, string token);

    /// <summary>
    /// Changes the password of <paramref name="userId"/> when <paramref name="currentPassword"/> is right; every session and
    /// token of the account ends. Null on success; otherwise why it was refused.
    /// </summary>
    Task<PasswordChangeRefusal?> ChangePassword(Guid userId, string currentPassword, string newPassword);

    /// <summary>
    /// Sets a new password with the token of a reset link and unlocks the account. Null when done, the refusal
    /// otherwise: <c>token</c> for a wrong or expired token, a French sentence for a refused password.
    /// </summary>
    Task<PasswordResetRefusal?> ResetPassword(Guid userId, string token, string newPassword);
}

/// <summary>What a new account is made of.</summary>
public sealed record NewAccount(string Email, string DisplayName, FunderId? FunderId, DateTimeOffset CreatedAt, bool SelfRegistered = false);

/// <summary>Why a password reset was refused: the token (<see cref="Password"/> null), or the new password.</summary>
public sealed record PasswordResetRefusal(string? Password);

/// <summary>Why a password change was refused: the current password is wrong, or the new one is refused by the policy (its French reason).</summary>
public sealed record PasswordChangeRefusal(bool WrongCurrent, string? Password);
