using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>
/// Partner clients in OpenIddict (docs/adr/0035): a confidential application allowed only the client-credentials grant,
/// the revocation and introspection endpoints and its scopes, its secret hashed by OpenIddict; and a service account
/// bound to the client's funder. The managers share the request's DbContext, so all of it joins the command's transaction.
/// </summary>
internal sealed class PartnerCredentials(IOpenIddictApplicationManager applications, UserManager<AppUser> users) : IPartnerCredentials
{
    public async Task<Guid> CreateServiceAccount(string clientId, string name, FunderId funderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = AppUser.New($"{clientId}@clients.ptce.invalid", $"Client API « {name} »", funderId, now);
        account.IsServiceAccount = true;
        account.LockoutEnabled = false;
        var created = await users.CreateAsync(account).ConfigureAwait(false);
        return created.Succeeded ? account.Id : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    public async Task Register(string clientId, string name, string secret, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await applications.CreateAsync(descriptor, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReplaceSecret(string clientId, string secret, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The OAuth application {clientId} is missing.");
        await applications.UpdateAsync(application, secret, cancellationToken).ConfigureAwait(false);
    }

    public async Task Revoke(string clientId, Guid serviceUserId, CancellationToken cancellationToken)
    {
        // Deleting the application deletes its tokens and authorizations with it: reference tokens then resolve to nothing.
        if (await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is { } application)
        {
            await applications.DeleteAsync(application, cancellationToken).ConfigureAwait(false);
        }

        // Tokens carry the account's security stamp: a new one refuses them at their next request (BearerTokenGuard).
        if (await users.FindByIdAsync(serviceUserId.ToString()).ConfigureAwait(false) is { } account)
        {
            await users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
        }
    }
}
