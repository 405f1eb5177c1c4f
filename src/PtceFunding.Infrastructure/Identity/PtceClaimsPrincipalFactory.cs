using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PtceFunding.Application.Users;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>Adds the funder, its region (the user's territory) and the display name to the sign-in identity.</summary>
internal sealed class PtceClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    PtceDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(PtceClaims.DisplayName, user.DisplayName));
        if (user.FunderId is { } funderId)
        {
            identity.AddClaim(new Claim(PtceClaims.FunderId, funderId.Value.ToString()));
            var region = await db.Funders.AsNoTracking().Where(f => f.Id == funderId).Select(f => f.RegionCode).SingleOrDefaultAsync().ConfigureAwait(false);
            if (region is not null)
            {
                identity.AddClaim(new Claim(PtceClaims.Region, region));
            }
        }

        return identity;
    }
}
