namespace PtceFunding.Application.Partners;

/// <summary>
/// Revokes a partner client for good: it gets no new token, and the tokens it holds are refused from their next use.
/// Revoking a revoked client changes nothing.
/// </summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record RevokePartnerClient(Guid Id) : ICommand<Result>;

internal sealed class RevokePartnerClientHandler(IPtceDbContext db, IPartnerCredentials credentials, TimeProvider clock) : ICommandHandler<RevokePartnerClient, Result>
{
    public async ValueTask<Result> Handle(RevokePartnerClient request, CancellationToken cancellationToken)
    {
        var found = await db.FindPartnerClient(request.Id, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var client = found.Value;
        if (client.Revoke(clock.GetUtcNow()))
        {
            await credentials.Revoke(client.ClientId, client.ServiceUserId, cancellationToken).ConfigureAwait(false);
        }

        return Result.Success();
    }
}
