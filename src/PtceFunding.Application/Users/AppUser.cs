using Microsoft.AspNetCore.Identity;
using PtceFunding.Domain.Funders;

namespace PtceFunding.Application.Users;

/// <summary>A person who signs in: staff of a funder, a platform administrator, or an applicant.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>The funder a staff member acts for; null for applicants and platform-wide administrators.</summary>
    public FunderId? FunderId { get; set; }

    public DateTime CreatedAt { get; set; }
}
