using PtceFunding.Application.Payments;

namespace PtceFunding.Web.Api;

internal static class PaymentEndpoints
{
    public sealed record LegalCommitmentBody(string Reference, int? ExpectedVersion);

    public sealed record OrderBody(string Reference, int? ExpectedVersion);

    public sealed record PaymentBody(decimal Amount, DateOnly PaidOn, string BankReference);

    public sealed record IssueBody(string Reference, int? ExpectedVersion);

    public sealed record SettlementBody(decimal Amount, DateOnly ReceivedOn, string Reference);

    public static RouteGroupBuilder MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/agreements/{id:guid}/legal-commitment", async (Guid id, LegalCommitmentBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RecordLegalCommitment(id, body.Reference, body.ExpectedVersion), ct)).ToHttp(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.FinanceOfficer)
            .ForPartners(PartnerScopes.FunderFinance)
            .WithTags("Paiements")
            .WithSummary("Enregistre (ou corrige) la référence de l'engagement juridique du financeur de l'agent sur une convention signée.");

        var installments = api.MapGroup("/installments").WithTags("Paiements");

        installments.MapPost("/{id:guid}/order", async (Guid id, OrderBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new OrderInstallment(id, body.Reference, body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.FinanceOfficer)
            .WithSummary("Met une échéance payable en paiement (demande de paiement envoyée, avec sa référence).");

        installments.MapPost("/{id:guid}/payments", async (
                    Guid id,
                    PaymentBody body,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                    ISender sender,
                    CancellationToken ct) =>
                (await sender.Send(new RecordPayment(id, idempotencyKey ?? "", body.Amount, body.PaidOn, body.BankReference), ct))
                    .ToHttp(recorded => recorded.Created
                        ? TypedResults.Created($"/api/installments/{id}/payments/{recorded.Payment.Id}", recorded)
                        : TypedResults.Ok(recorded)))
            .RequireAuthorization(Policies.FinanceOfficer)
            .ForPartners(PartnerScopes.FunderFinance)
            .WithSummary("Enregistre un paiement (partiel ou total) d'une échéance mise en paiement ; l'en-tête Idempotency-Key rend la requête rejouable sans double paiement.");

        var recoveries = api.MapGroup("/recovery-orders").WithTags("Paiements");

        recoveries.MapPost("/{id:guid}/issue", async (Guid id, IssueBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new IssueRecoveryOrder(id, body.Reference, body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.FinanceOfficer)
            .WithSummary("Enregistre la référence du titre de perception émis pour un ordre de reversement du financeur de l'agent.");

        recoveries.MapPost("/{id:guid}/settlements", async (
                    Guid id,
                    SettlementBody body,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                    ISender sender,
                    CancellationToken ct) =>
                (await sender.Send(new RecordRecoverySettlement(id, idempotencyKey ?? "", body.Amount, body.ReceivedOn, body.Reference), ct))
                    .ToHttp(recorded => recorded.Created
                        ? TypedResults.Created($"/api/recovery-orders/{id}", recorded)
                        : TypedResults.Ok(recorded)))
            .RequireAuthorization(Policies.FinanceOfficer)
            .WithSummary("Enregistre un reversement (partiel ou total) d'un ordre de reversement ; l'en-tête Idempotency-Key rend la requête rejouable sans double enregistrement.");

        return api;
    }
}
