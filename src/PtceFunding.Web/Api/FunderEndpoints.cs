using System.Text.Json.Serialization;
using PtceFunding.Application.Funders;
using PtceFunding.Domain.Funders;

namespace PtceFunding.Web.Api;

internal static class FunderEndpoints
{
    public sealed record RenameFunderBody(string Name, int? ExpectedVersion);

    /// <summary>"siret" must be sent: null clears it, a missing property is a 400 (it never clears by omission).</summary>
    public sealed record SetFunderSiretBody([property: JsonRequired] string? Siret, int? ExpectedVersion);

    public static RouteGroupBuilder MapFunderEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/funders").WithTags("Financeurs");

        group.MapGet("/", async (FunderKind? kind, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListFunders(kind), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Authenticated)
            .WithSummary("Liste les financeurs (État, services régionaux de l'État, Régions).");

        group.MapPost("/", async (CreateFunder command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(id => TypedResults.Created($"/api/funders/{id}", new { id })))
            .RequireAuthorization(Policies.PlatformAdministrator)
            .WithSummary("Enregistre un financeur ; rejouer la même requête (même identifiant) ne crée rien de plus.");

        group.MapPut("/{id:guid}/name", async (Guid id, RenameFunderBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RenameFunder(id, body.Name, body.ExpectedVersion), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.PlatformAdministrator)
            .WithSummary("Renomme un financeur (409 si la version lue n'est plus la dernière).");

        group.MapPut("/{id:guid}/siret", async (Guid id, SetFunderSiretBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetFunderSiret(id, body.Siret, body.ExpectedVersion), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.PlatformAdministrator)
            .WithSummary("Enregistre (ou efface, si vide) le SIRET d'un financeur, publié comme idAttribuant dans les données ouvertes.");

        return api;
    }
}
