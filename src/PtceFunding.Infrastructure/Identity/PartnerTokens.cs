using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using PtceFunding.Application.Users;
using PtceFunding.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>
/// What a partner client's access token stands for (docs/adr/0035): its service account (id, funder, region, security
/// stamp — the claims a person's token carries), the client id, the scopes granted (those asked for among the client's,
/// all of them when none is asked for), and the roles those scopes imply for the use cases. The roles exist only in the
/// token: the account holds none, so no staff list, notice or reminder ever reaches it; and the API lets a client reach
/// only the operations marked for its scopes (PartnerClientGate).
/// </summary>
public sealed class PartnerTokens(PtceDbContext db, SignInManager<AppUser> signIn, TimeProvider clock)
{
    public static IReadOnlyList<string> RolesFor(PartnerScopes scopes) =>
        scopes.HasFlag(PartnerScopes.FunderRead) ? [Roles.ProgramOfficer, Roles.FinanceOfficer]
        : scopes.HasFlag(PartnerScopes.FunderFinance) ? [Roles.FinanceOfficer]
        : [];

    /// <summary>The principal of a token for <paramref name="clientId"/>, or null when the client is unknown or revoked.</summary>
    public async Task<ClaimsPrincipal?> For(string clientId, IEnumerable<string> requestedScopes, CancellationToken cancellationToken)
    {
        var client = await db.PartnerClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, cancellationToken).ConfigureAwait(false);
        var account = client is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == client.ServiceUserId && u.IsServiceAccount, cancellationToken).ConfigureAwait(false);
        if (client is null || client.IsRevoked || account is null)
        {
            return null;
        }

        var requested = PartnerScope.Parse(requestedScopes);
        var granted = requested == PartnerScopes.None ? client.Scopes : requested & client.Scopes;
        var principal = await signIn.CreateUserPrincipalAsync(account).ConfigureAwait(false);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(Claims.Subject, account.Id.ToString()));
        identity.AddClaim(new Claim(PtceClaims.PartnerClient, client.ClientId));
        foreach (var role in RolesFor(granted))
        {
            identity.AddClaim(new Claim(signIn.Options.ClaimsIdentity.RoleClaimType, role));
        }

        principal.SetScopes(PartnerScope.NamesOf(granted));
        foreach (var claim in principal.Claims)
        {
            claim.SetDestinations(Destinations.AccessToken);
        }

        // The last use shown to administrators: telemetry, not a change of the client, so written without an audit entry.
        var now = clock.GetUtcNow().UtcDateTime;
        var aMinuteAgo = now.AddMinutes(-1);
        await db.PartnerClients.Where(c => c.Id == client.Id && (c.LastUsedAt == null || c.LastUsedAt < aMinuteAgo))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
        return principal;
    }
}
