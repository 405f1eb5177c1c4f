using Microsoft.AspNetCore.Identity;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>A person who signs in: staff of a funder, a platform administrator, or an applicant.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>The funder a staff member acts for; null for applicants and platform-wide administrators.</summary>
    public FunderId? FunderId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When an applicant who registered themselves accepted the terms of use; null for accounts created for someone.</summary>
    public DateTime? TermsAcceptedAt { get; set; }

    /// <summary>When an administrator deactivated the account (UTC); null while it is active. A deactivated account cannot sign in.</summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>The account a partner client's calls act as (docs/adr/0035): it has no password and never signs in.</summary>
    public bool IsServiceAccount { get; set; }

    /// <summary>A new account whose e-mail is its user name, with lockout on (the platform's rule for every account).</summary>
    public static AppUser New(string email, string displayName, FunderId? funderId, DateTimeOffset createdAt) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        DisplayName = displayName.Trim(),
        FunderId = funderId,
        CreatedAt = createdAt.UtcDateTime,
        LockoutEnabled = true,
    };

    /// <summary>
    /// An applicant's own registration: the e-mail address is unconfirmed until the link sent to it
    /// is followed, and the account cannot sign in before.
    /// </summary>
    public static AppUser NewApplicant(string email, string displayName, DateTimeOffset createdAt)
    {
        var user = New(email, displayName, null, createdAt);
        user.EmailConfirmed = false;
        user.TermsAcceptedAt = createdAt.UtcDateTime;
        return user;
    }
}
