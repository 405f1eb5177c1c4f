using PtceFunding.Application.Organisations;

namespace PtceFunding.Web.Api;

internal static class OrganisationEndpoints
{
    public sealed record MembershipRequestBody(string Justification);

    public sealed record MembershipDecisionBody(bool Approve, string? Reason);

    public sealed record InvitationBody(string Email);

    public sealed record AcceptInvitationBody(string Token);

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

        group.MapPost("/{id:guid}/membership-requests", async (Guid id, MembershipRequestBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RequestOrganisationMembership(id, body.Justification), ct)).ToHttp(requestId => TypedResults.Accepted($"/api/membership-requests/{requestId}", new { id = requestId })))
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Demande à agir pour une organisation (vérifiée par un chargé de mission de sa région).");

        group.MapPost("/{id:guid}/invitations", async (Guid id, InvitationBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new InviteToOrganisation(id, body.Email), ct)).ToHttp(invitationId => TypedResults.Accepted((string?)null, new { id = invitationId })))
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Invite par courriel un collègue à agir pour l'organisation (réservé à ses utilisateurs vérifiés) ; inviter à nouveau renvoie un nouveau lien.");

        group.MapGet("/{id:guid}/members", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListOrganisationMembers(id), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Les utilisateurs vérifiés de l'organisation et les invitations en attente (réservé à ses utilisateurs vérifiés).");

        api.MapPost("/organisation-invitations/accept", async (AcceptInvitationBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AcceptOrganisationInvitation(body.Token), ct)).ToHttp(organisationId => TypedResults.Ok(new { organisationId })))
            .WithTags("Organisations")
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Accepte une invitation avec le jeton du lien reçu, connecté avec le compte de l'adresse invitée.");

        api.MapGet("/me/organisations", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListMyOrganisations(), ct)).ToHttp(TypedResults.Ok))
            .WithTags("Organisations")
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Les organisations pour lesquelles je demande à agir ou j'agis, avec l'état de chaque demande.");

        var requests = api.MapGroup("/membership-requests").WithTags("Organisations").RequireAuthorization(Policies.ProgramOfficer);
        requests.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListMembershipRequests(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Les demandes de rattachement en attente dans mon territoire.");
        requests.MapPost("/{id:guid}/decision", async (Guid id, MembershipDecisionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DecideMembershipRequest(id, body.Approve, body.Reason), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Vérifie ou refuse (avec motif) une demande de rattachement.");
        return api;
    }
}
