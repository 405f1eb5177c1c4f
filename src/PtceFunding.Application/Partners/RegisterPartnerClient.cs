using System.Security.Cryptography;

namespace PtceFunding.Application.Partners;

/// <summary>
/// A platform administrator registers a partner system: its name, the funder it acts for and the scopes it may use.
/// The answer carries the client id and its secret, shown this once (the OAuth server keeps only a hash). The caller
/// chooses the id: the same request again answers the client without a secret and registers nothing more.
/// </summary>
[Allow(Audience.PlatformAdministrators)]
public sealed record RegisterPartnerClient(Guid Id, string Name, Guid FunderId, IReadOnlyList<string> Scopes) : ICommand<Result<PartnerClientCredentials>>;

/// <summary>A client's id and, when just issued, its secret (null when the client was already registered).</summary>
public sealed record PartnerClientCredentials(Guid Id, string ClientId, string? Secret);

internal sealed class RegisterPartnerClientValidator : AbstractValidator<RegisterPartnerClient>
{
    public RegisterPartnerClientValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("L'identifiant est obligatoire.");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Donnez un nom au client (le système partenaire).")
            .MaximumLength(200).WithMessage("Le nom compte au plus 200 caractères.");
        RuleFor(c => c.FunderId).NotEmpty().WithMessage("Choisissez le financeur pour lequel le client agit.");
        RuleFor(c => c.Scopes).NotEmpty().WithMessage("Choisissez au moins une autorisation.");
        RuleForEach(c => c.Scopes).Must(scope => PartnerScope.All.Any(s => s.Name == scope))
            .WithMessage("Autorisation inconnue : {PropertyValue}.");
    }
}

internal sealed class RegisterPartnerClientHandler(IPtceDbContext db, IPartnerCredentials credentials, TimeProvider clock)
    : ICommandHandler<RegisterPartnerClient, Result<PartnerClientCredentials>>
{
    public async ValueTask<Result<PartnerClientCredentials>> Handle(RegisterPartnerClient request, CancellationToken cancellationToken)
    {
        var id = new PartnerClientId(request.Id);
        if (await db.PartnerClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing.SameAs(request.Name, new FunderId(request.FunderId), PartnerScope.Parse(request.Scopes))
                ? new PartnerClientCredentials(existing.Id.Value, existing.ClientId, null)
                : Error.Conflict("partner.id_taken", "Un autre client porte déjà cet identifiant.");
        }

        var funderId = new FunderId(request.FunderId);
        if (!await db.Funders.AnyAsync(f => f.Id == funderId, cancellationToken).ConfigureAwait(false))
        {
            return Error.Validation(nameof(RegisterPartnerClient.FunderId), "Ce financeur n'existe pas.");
        }

        var now = clock.GetUtcNow();
        var clientId = "ptce-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var serviceUserId = await credentials.CreateServiceAccount(clientId, request.Name.Trim(), funderId, now, cancellationToken).ConfigureAwait(false);
        var client = PartnerClient.Register(id, clientId, request.Name, funderId, PartnerScope.Parse(request.Scopes), serviceUserId, now);
        if (!client.IsSuccess)
        {
            return client.Error;
        }

        var secret = PartnerSecrets.New();
        await credentials.Register(clientId, client.Value.Name, secret, PartnerScope.NamesOf(client.Value.Scopes), cancellationToken).ConfigureAwait(false);
        db.PartnerClients.Add(client.Value);
        return new PartnerClientCredentials(id.Value, clientId, secret);
    }
}

/// <summary>Client secrets: 256 random bits, URL-safe, shown once.</summary>
internal static class PartnerSecrets
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A registered partner client, tracked for a change, or not found.</summary>
internal static class PartnerClientLookup
{
    public static readonly Error NotFound = Error.NotFound("partner.not_found", "Ce client n'existe pas.");

    public static async Task<Result<PartnerClient>> FindPartnerClient(this IPtceDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var clientId = new PartnerClientId(id);
        return await db.PartnerClients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken).ConfigureAwait(false) is { } client ? client : NotFound;
    }
}
