namespace PtceFunding.Application.Abstractions;

/// <summary>
/// A partner client's credentials in the OAuth server (docs/adr/0035): its application (client id, hashed secret, the
/// client-credentials grant and its scopes) and the account its calls act as. Everything is written in the caller's
/// transaction.
/// </summary>
public interface IPartnerCredentials
{
    /// <summary>Creates the account the client's calls act as: bound to its funder, no password, never signs in; answers its id.</summary>
    Task<Guid> CreateServiceAccount(string clientId, string name, FunderId funderId, DateTimeOffset now, CancellationToken cancellationToken);

    Task Register(string clientId, string name, string secret, IEnumerable<string> scopes, CancellationToken cancellationToken);

    /// <summary>The new secret replaces the old one; tokens already issued stay valid until they expire (minutes).</summary>
    Task ReplaceSecret(string clientId, string secret, CancellationToken cancellationToken);

    /// <summary>Removes the client from the OAuth server with its tokens and ends its account's tokens at their next use.</summary>
    Task Revoke(string clientId, Guid serviceUserId, CancellationToken cancellationToken);
}
