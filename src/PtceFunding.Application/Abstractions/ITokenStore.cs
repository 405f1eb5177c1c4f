namespace PtceFunding.Application.Abstractions;

/// <summary>The OAuth 2 server's stored tokens and authorizations (docs/adr/0033).</summary>
public interface ITokenStore
{
    /// <summary>Deletes the tokens and authorizations created before <paramref name="before"/> that expired or were revoked; answers how many.</summary>
    Task<long> Prune(DateTimeOffset before, CancellationToken cancellationToken);
}
