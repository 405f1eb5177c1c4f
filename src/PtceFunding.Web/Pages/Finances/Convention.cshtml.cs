using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Agreements;
using PtceFunding.Application.Payments;

namespace PtceFunding.Web.Pages.Finances;

/// <summary>
/// An agreement as its funder's finance staff handle it: key facts, the funder's legal commitment, and the funder's
/// schedule with, per installment, the order form when it is due and the payment form once it is ordered. The
/// payment form carries an idempotency key chosen when the page is shown, so that a form sent twice records one payment.
/// </summary>
public sealed class ConventionModel(ISender sender, ICurrentUser user, TimeProvider clock) : PageModel
{
    public AgreementView Agreement { get; private set; } = null!;

    /// <summary>The caller's funder's share, when their funder is a party (the forms act on it only).</summary>
    public AgreementFunderView? Own { get; private set; }

    /// <summary>The shares shown: the caller's funder's, or every funder's, read-only, for national staff of a funder not party to it.</summary>
    public IReadOnlyList<AgreementFunderView> Shown { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public Error? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken) =>
        await Load(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLegalCommitment(Guid id, [FromForm] string? reference, [FromForm] int expectedVersion, CancellationToken cancellationToken)
    {
        var recorded = await sender.Send(new RecordLegalCommitment(id, reference ?? "", expectedVersion), cancellationToken);
        return await Answer(id, recorded.IsSuccess ? null : recorded.Error, $"Engagement juridique « {reference?.Trim()} » enregistré.", cancellationToken);
    }

    public async Task<IActionResult> OnPostOrder(Guid id, [FromForm] Guid installmentId, [FromForm] string? reference, [FromForm] int expectedVersion, CancellationToken cancellationToken)
    {
        var ordered = await sender.Send(new OrderInstallment(installmentId, reference ?? "", expectedVersion), cancellationToken);
        return await Answer(
            id,
            ordered.IsSuccess ? null : ordered.Error,
            ordered.IsSuccess ? $"{Describe(ordered.Value)} mise en paiement (demande « {ordered.Value.OrderReference} »)." : "",
            cancellationToken);
    }

    public async Task<IActionResult> OnPostPayment(
        Guid id,
        [FromForm] Guid installmentId,
        [FromForm] string? idempotencyKey,
        [FromForm, Euros] decimal? amount,
        [FromForm] DateOnly? paidOn,
        [FromForm] string? bankReference,
        CancellationToken cancellationToken)
    {
        if (amount is not { } paid)
        {
            return await Answer(id, Error.Validation("Amount", ModelState.FirstError(nameof(amount)) ?? "Indiquez le montant payé."), "", cancellationToken);
        }

        if (paidOn is not { } date)
        {
            return await Answer(id, Error.Validation("PaidOn", "Indiquez la date du paiement."), "", cancellationToken);
        }

        var recorded = await sender.Send(new RecordPayment(installmentId, idempotencyKey ?? "", paid, date, bankReference ?? ""), cancellationToken);
        if (!recorded.IsSuccess)
        {
            return await Answer(id, recorded.Error, "", cancellationToken);
        }

        var payment = recorded.Value;
        var notice = payment.Created
            ? $"Paiement de {Formats.Money(payment.Payment.Amount)} enregistré sur l'{Describe(payment.Installment).ToLowerInvariant()} ({payment.Installment.StatusLabel.ToLowerInvariant()})."
            : $"Ce paiement de {Formats.Money(payment.Payment.Amount)} était déjà enregistré : rien n'a été ajouté.";
        return await Answer(id, null, notice, cancellationToken);
    }

    /// <summary>"Avance de l'année 1", "Solde de l'année 2".</summary>
    public static string Describe(InstallmentView installment)
    {
        ArgumentNullException.ThrowIfNull(installment);
        return $"{Labels.Of(installment.Kind)} de l'année {installment.Year}";
    }

    private async Task<IActionResult> Answer(Guid id, Error? problem, string notice, CancellationToken cancellationToken)
    {
        if (problem is null)
        {
            Notice = notice;
            return RedirectToPage(new { id });
        }

        Problem = problem;
        return await Load(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken cancellationToken)
    {
        var read = await sender.Send(new GetAgreement(id), cancellationToken);
        if (!read.IsSuccess)
        {
            return false;
        }

        Agreement = read.Value;
        Today = clock.Today();
        Own = Agreement.Funders.FirstOrDefault(f => user.FunderId is { } funderId && f.FunderId == funderId.Value);
        Shown = Own is not null ? [Own] : Agreement.Funders;
        return true;
    }
}
