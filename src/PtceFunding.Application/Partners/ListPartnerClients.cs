namespace PtceFunding.Application.Partners;

/// <summary>The partner clients, for the platform administrators: funder, scopes, when registered, last used, revoked.</summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record ListPartnerClients : IQuery<Result<IReadOnlyList<PartnerClientView>>>;

public sealed record PartnerClientView(
    Guid Id,
    string ClientId,
    string Name,
    Guid FunderId,
    string FunderName,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAt,
    DateTime SecretIssuedAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt);

internal sealed class ListPartnerClientsHandler(IPtceDbContext db) : IQueryHandler<ListPartnerClients, Result<IReadOnlyList<PartnerClientView>>>
{
    public async ValueTask<Result<IReadOnlyList<PartnerClientView>>> Handle(ListPartnerClients request, CancellationToken cancellationToken)
    {
        var rows = await db.PartnerClients.AsNoTracking()
            .Join(db.Funders, c => c.FunderId, f => f.Id, (c, f) => new { Client = c, FunderName = f.Name })
            .OrderBy(r => r.Client.RevokedAt != null).ThenBy(r => r.Client.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new PartnerClientView(
            r.Client.Id.Value, r.Client.ClientId, r.Client.Name, r.Client.FunderId.Value, r.FunderName, [.. PartnerScope.NamesOf(r.Client.Scopes)],
            r.Client.CreatedAt, r.Client.SecretIssuedAt, r.Client.LastUsedAt, r.Client.RevokedAt)).ToList();
    }
}
