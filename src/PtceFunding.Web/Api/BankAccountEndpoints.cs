using PtceFunding.Application.Payments;

namespace PtceFunding.Web.Api;

internal static class BankAccountEndpoints
{
    public sealed record BankDetailsBody(string? HolderName, string? Iban, string? Bic);

    public sealed record ApprovalBody(int? ExpectedVersion);

    public sealed record RejectionBody(int? ExpectedVersion, string? Reason);

    public static RouteGroupBuilder MapBankAccountEndpoints(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations/{id:guid}/bank-details").WithTags("Coordonnées bancaires").RequireAuthorization(Policies.BankDetailsEditors);

        organisations.MapGet("/", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetBankDetails(id), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Les coordonnées bancaires d'une organisation : celles approuvées, la modification en attente et l'historique.");

        organisations.MapPost("/", async (Guid id, BankDetailsBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SubmitBankDetails(id, body.HolderName, body.Iban, body.Bic), ct))
                .ToHttp(submitted => TypedResults.Created($"/api/organisations/{id}/bank-details", submitted)))
            .WithSummary("Saisit de nouvelles coordonnées bancaires (IBAN, BIC, titulaire) ; elles prennent effet une fois approuvées par un second gestionnaire financier.");

        var decisions = api.MapGroup("/bank-details").WithTags("Coordonnées bancaires").RequireAuthorization(Policies.FinanceOfficer);

        decisions.MapGet("/pending", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListPendingBankDetails(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Les modifications de coordonnées bancaires en attente d'approbation dans mon territoire.");

        decisions.MapPost("/{id:guid}/approval", async (Guid id, ApprovalBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ApproveBankDetails(id, body.ExpectedVersion), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Approuve des coordonnées bancaires saisies par une autre personne ; les précédentes sont remplacées.");

        decisions.MapPost("/{id:guid}/rejection", async (Guid id, RejectionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RejectBankDetails(id, body.ExpectedVersion, body.Reason), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Refuse, avec un motif communiqué à l'organisation, des coordonnées bancaires saisies par une autre personne.");

        return api;
    }
}
