using PtceFunding.Application.Agreements;
using PtceFunding.Domain.Agreements;

namespace PtceFunding.Web.Api;

internal static class AgreementEndpoints
{
    public sealed record DraftBody(Guid ApplicationId);

    public sealed record SignBody(int? ExpectedVersion);

    public sealed record AmendmentBody(
        AmendmentKind Kind,
        DateOnly EffectiveOn,
        string Reason,
        IReadOnlyList<AmendedCommitment>? Funders,
        int? DurationYears,
        Guid? LeadOrganisationId,
        int? ExpectedVersion);

    public sealed record TerminationBody(DateOnly EffectiveOn, string Reason, int? ExpectedVersion);

    public static RouteGroupBuilder MapAgreementEndpoints(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Conventions");

        agreements.MapPost("/", async (DraftBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DraftAgreement(body.ApplicationId), ct)).ToHttp(drafted => drafted.Created
                    ? TypedResults.Created($"/api/agreements/{drafted.Id}", new { id = drafted.Id })
                    : TypedResults.Ok(new { id = drafted.Id })))
            .RequireAuthorization(Policies.ProgramOfficer)
            .WithSummary("Rédige le projet de convention d'un dossier retenu par une session close ; s'il existe déjà, le renvoie.");

        agreements.MapGet("/", async (Guid? applicationId, ISender sender, CancellationToken ct) => (await sender.Send(new ListAgreements(applicationId), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.AgreementReaders)
            .ForPartners(PartnerScopes.FunderRead)
            .WithSummary("Les conventions que je vois (celles de mon financeur, de mon territoire ou de mon organisation), la plus récente d'abord ; ?applicationId= pour celle d'un dossier.");

        agreements.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetAgreement(id), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.AgreementReaders)
            .ForPartners(PartnerScopes.FunderRead)
            .WithSummary("Une convention : parties, objet, montants par année et par financeur, échéancier, obligations de compte rendu, versions.");

        agreements.MapPost("/{id:guid}/signatures", async (Guid id, SignBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SignAgreement(id, body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.AgreementReaders)
            .WithSummary("Signe la convention pour la partie de l'appelant : son financeur (chargé de mission) ou le chef de file (porteur vérifié).");

        agreements.MapPost("/{id:guid}/amendments", async (Guid id, AmendmentBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AmendAgreement(id, body.Kind, body.EffectiveOn, body.Reason, body.Funders, body.DurationYears, body.LeadOrganisationId, body.ExpectedVersion), ct))
                    .ToHttp(amended => TypedResults.Created($"/api/agreements/{id}", amended)))
            .RequireAuthorization(Policies.ProgramOfficer)
            .WithSummary("Enregistre un avenant (montant, durée, répartition annuelle ou chef de file) : nouvelle version numérotée, échéances non mises en paiement recalculées.");

        agreements.MapPost("/{id:guid}/termination", async (Guid id, TerminationBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new TerminateAgreement(id, body.EffectiveOn, body.Reason, body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ProgramOfficer)
            .WithSummary("Résilie la convention à une date d'effet : échéances non payées annulées, solde de clôture ou ordre de reversement selon le montant dû au prorata.");

        return api;
    }
}
