namespace PtceFunding.Application.Partners;

/// <summary>Issues a new secret for a partner client, shown this once; the old one stops working at once.</summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record RotatePartnerClientSecret(Guid Id) : ICommand<Result<PartnerClientCredentials>>;

internal sealed class RotatePartnerClientSecretHandler(IPtceDbContext db, IPartnerCredentials credentials, TimeProvider clock)
    : ICommandHandler<RotatePartnerClientSecret, Result<PartnerClientCredentials>>
{
    public async ValueTask<Result<PartnerClientCredentials>> Handle(RotatePartnerClientSecret request, CancellationToken cancellationToken)
    {
        var found = await db.FindPartnerClient(request.Id, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var client = found.Value;
        var rotated = client.RotateSecret(clock.GetUtcNow());
        if (!rotated.IsSuccess)
        {
            return rotated.Error;
        }

        var secret = PartnerSecrets.New();
        await credentials.ReplaceSecret(client.ClientId, secret, cancellationToken).ConfigureAwait(false);
        return new PartnerClientCredentials(client.Id.Value, client.ClientId, secret);
    }
}
