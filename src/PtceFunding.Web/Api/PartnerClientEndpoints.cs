using PtceFunding.Application.Partners;

namespace PtceFunding.Web.Api;

/// <summary>Partner clients, administered by platform administrators (docs/adr/0035): a secret is in the answer only when issued.</summary>
internal static class PartnerClientEndpoints
{
    public sealed record RegisterBody(Guid Id, string Name, Guid FunderId, IReadOnlyList<string> Scopes);

    public static RouteGroupBuilder MapPartnerClientEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/partner-clients").WithTags("Administration").RequireAuthorization(Policies.PlatformAdministrator);

        group.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListPartnerClients(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Les clients partenaires : financeur, autorisations, création, dernière utilisation, révocation.");

        group.MapPost("/", async (RegisterBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RegisterPartnerClient(body.Id, body.Name, body.FunderId, body.Scopes), ct))
                    .ToHttp(credentials => credentials.Secret is null
                        ? (Microsoft.AspNetCore.Http.IResult)TypedResults.Ok(credentials)
                        : TypedResults.Created($"/api/admin/partner-clients/{credentials.Id}", credentials)))
            .WithSummary("Enregistre un client partenaire ; la réponse donne son identifiant et son secret, montré cette seule fois.");

        group.MapPost("/{id:guid}/secret", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RotatePartnerClientSecret(id), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Remplace le secret d'un client ; le nouveau est montré cette seule fois, l'ancien ne vaut plus.");

        group.MapPost("/{id:guid}/revoke", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RevokePartnerClient(id), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Révoque un client pour de bon : ses jetons sont refusés dès leur prochain usage.");

        return api;
    }
}
