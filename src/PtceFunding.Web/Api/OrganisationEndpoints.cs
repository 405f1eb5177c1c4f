using PtceFunding.Application.Messaging;
using PtceFunding.Application.Organisations;
using PtceFunding.Web.Security;

namespace PtceFunding.Web.Api;

internal static class OrganisationEndpoints
{
    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisations").RequireAuthorization(Policies.Authenticated);

        group.MapPost("/", async (RegisterOrganisation command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(registered => registered.AlreadyRegistered
                    ? TypedResults.Ok(registered)
                    : TypedResults.Created($"/api/organisations/{registered.Id}", registered)))
            .WithSummary("Enregistre une organisation (SIRET et/ou RNA) ; un identifiant déjà connu renvoie l'organisation existante.");

        group.MapGet("/by-identifier/{identifier}", async (string identifier, ISender sender, CancellationToken ct) =>
                (await sender.Send(new FindOrganisation(identifier), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Recherche une organisation par son SIRET ou son numéro RNA.");
        return api;
    }
}
