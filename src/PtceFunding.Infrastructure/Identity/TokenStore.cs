using OpenIddict.Abstractions;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>The OAuth 2 server's store, through OpenIddict's managers.</summary>
internal sealed class TokenStore(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations) : ITokenStore
{
    public async Task<long> Prune(DateTimeOffset before, CancellationToken cancellationToken) =>
        await tokens.PruneAsync(before, cancellationToken).ConfigureAwait(false)
        + await authorizations.PruneAsync(before, cancellationToken).ConfigureAwait(false);
}
