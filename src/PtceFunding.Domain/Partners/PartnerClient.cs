namespace PtceFunding.Domain.Partners;

/// <summary>Identifies a <see cref="PartnerClient"/>.</summary>
public readonly record struct PartnerClientId(Guid Value)
{
    public static PartnerClientId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What a partner system may do, each an OAuth scope of its tokens (docs/adr/0035).</summary>
[Flags]
public enum PartnerScopes
{
    None = 0,

    /// <summary><c>opendata.read</c>: the open data of the platform.</summary>
    OpenData = 1,

    /// <summary><c>funder.read</c>: the applications, decisions, agreements and schedules of the client's funder.</summary>
    FunderRead = 2,

    /// <summary><c>funder.finance</c>: record the legal commitments and the payments of the client's funder.</summary>
    FunderFinance = 4,
}

/// <summary>The OAuth scope names of <see cref="PartnerScopes"/>.</summary>
public static class PartnerScope
{
    public const string OpenData = "opendata.read";
    public const string FunderRead = "funder.read";
    public const string FunderFinance = "funder.finance";

    public static IReadOnlyList<(PartnerScopes Scope, string Name, string Label)> All { get; } =
    [
        (PartnerScopes.OpenData, OpenData, "Lire les données ouvertes"),
        (PartnerScopes.FunderRead, FunderRead, "Lire les candidatures, décisions, conventions et échéanciers du financeur"),
        (PartnerScopes.FunderFinance, FunderFinance, "Enregistrer les engagements juridiques et les paiements du financeur"),
    ];

    public static IEnumerable<string> NamesOf(PartnerScopes scopes) => All.Where(s => scopes.HasFlag(s.Scope)).Select(s => s.Name);

    public static PartnerScopes Parse(IEnumerable<string> names) =>
        All.Where(s => names.Contains(s.Name, StringComparer.Ordinal)).Aggregate(PartnerScopes.None, (scopes, s) => scopes | s.Scope);
}

/// <summary>
/// A partner system — a Region's grant software, the State's finance system, an open-data portal — that calls the API
/// with its own credentials (OAuth 2 client credentials), bound to one funder and to the scopes an administrator
/// granted. Its secret lives hashed in the OAuth server; this records who it is, what it may do, and its life:
/// registered, secret rotated, used, revoked (for good).
/// </summary>
public sealed class PartnerClient : AggregateRoot
{
    private PartnerClient()
    {
    }

    public PartnerClientId Id { get; private set; }

    /// <summary>The OAuth <c>client_id</c>.</summary>
    public string ClientId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public FunderId FunderId { get; private set; }

    public PartnerScopes Scopes { get; private set; }

    /// <summary>The account its calls act as (audit, payments recorded by), which never signs in.</summary>
    public Guid ServiceUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime SecretIssuedAt { get; private set; }

    public DateTime? LastUsedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static Result<PartnerClient> Register(PartnerClientId id, string clientId, string name, FunderId funderId, PartnerScopes scopes, Guid serviceUserId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Error.Validation(nameof(Name), "Donnez un nom au client (le système partenaire).");
        }

        if (scopes == PartnerScopes.None || (scopes & ~(PartnerScopes.OpenData | PartnerScopes.FunderRead | PartnerScopes.FunderFinance)) != 0)
        {
            return Error.Validation(nameof(Scopes), "Choisissez au moins une autorisation parmi celles proposées.");
        }

        return new PartnerClient
        {
            Id = id,
            ClientId = clientId,
            Name = name.Trim(),
            FunderId = funderId,
            Scopes = scopes,
            ServiceUserId = serviceUserId,
            CreatedAt = now.UtcDateTime,
            SecretIssuedAt = now.UtcDateTime,
        };
    }

    /// <summary>Whether a registration asks for this very client (a replayed request), not for another under its id.</summary>
    public bool SameAs(string name, FunderId funderId, PartnerScopes scopes) =>
        Name == name.Trim() && FunderId == funderId && Scopes == scopes;

    /// <summary>A new secret replaces the old one at once; a revoked client gets none.</summary>
    public Result RotateSecret(DateTimeOffset now)
    {
        if (IsRevoked)
        {
            return Error.RuleBroken("partner.revoked", "Ce client est révoqué : enregistrez-en un nouveau.");
        }

        SecretIssuedAt = now.UtcDateTime;
        return Result.Success();
    }

    /// <summary>Revokes the client for good: its tokens stop working and it gets no new one. Revoking it again changes nothing.</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (IsRevoked)
        {
            return false;
        }

        RevokedAt = now.UtcDateTime;
        return true;
    }
}
