namespace PtceFunding.Application.Users;

/// <summary>
/// The daily pruning of the OAuth 2 server's store (a recurring job): access and refresh tokens, codes and
/// authorizations that expired or were revoked, created more than a day ago (the day keeps them for investigation of a
/// recent incident). Idempotent. Answers how many rows went.
/// </summary>
[Allow(Audience.System)]
public sealed record PruneTokens : ICommand<Result<long>>;

internal sealed class PruneTokensHandler(ITokenStore tokens, TimeProvider clock) : ICommandHandler<PruneTokens, Result<long>>
{
    public async ValueTask<Result<long>> Handle(PruneTokens request, CancellationToken cancellationToken) =>
        await tokens.Prune(clock.GetUtcNow().AddDays(-1), cancellationToken).ConfigureAwait(false);
}
