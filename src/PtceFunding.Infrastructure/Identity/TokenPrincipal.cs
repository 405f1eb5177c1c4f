using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>
/// The person an access token of the OAuth 2 server stands for (docs/adr/0033): the same claims as their sign-in cookie
/// (id, name, roles, funder, territory, security stamp), the authentication methods of the sign-in that led to it
/// (<c>amr</c>: a second factor stays proven), the OAuth subject, and the scopes granted, all carried by the access token.
/// </summary>
public sealed class TokenPrincipal(SignInManager<AppUser> signIn)
{
    /// <summary>OpenIddict's server scheme: Identity signs in to it from the token endpoint.</summary>
    public const string ServerScheme = "OpenIddict.Server.AspNetCore";

    /// <summary>OpenIddict's validation scheme, which authenticates the API's bearer tokens.</summary>
    public const string ValidationScheme = "OpenIddict.Validation.AspNetCore";

    /// <summary>The scope of the platform's HTTP API.</summary>
    public const string ApiScope = "api";

    public async Task<ClaimsPrincipal> For(AppUser user, IEnumerable<Claim> methods, IEnumerable<string> scopes)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user).ConfigureAwait(false);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(Claims.Subject, user.Id.ToString()));
        foreach (var method in methods.Where(m => m.Type == MultiFactor.MethodsClaim).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(MultiFactor.MethodsClaim, method));
        }

        principal.SetScopes(scopes.Where(s => s is ApiScope or Scopes.OfflineAccess));
        foreach (var claim in principal.Claims)
        {
            claim.SetDestinations(Destinations.AccessToken);
        }

        return principal;
    }
}
