using PtceFunding.Application.Agreements;
using PtceFunding.Web.Pages.Portail.Candidatures;

namespace PtceFunding.Web.Pages.Conventions;

/// <summary>
/// A program officer of a funder party terminates an agreement early: effective date and reason; the page says
/// what follows (unpaid installments cancelled, closing balance or recovery order per funder).
/// </summary>
public sealed class ResiliationModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DateOnly? EffectiveOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int ExpectedVersion { get; set; }

    public AgreementView? Agreement { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public bool CanTerminate => Agreement is { } agreement && PtceFunding.Domain.Agreements.Agreement.IsInForce(agreement.Status);

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        ExpectedVersion = Agreement!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        if (EffectiveOn is not { } effectiveOn)
        {
            Errors = ["Indiquez la date d'effet de la résiliation."];
            return Page();
        }

        var terminated = await sender.Send(new TerminateAgreement(Id, effectiveOn, Reason ?? "", ExpectedVersion), cancellationToken);
        if (terminated.IsSuccess)
        {
            var value = terminated.Value;
            Notice = $"La convention est résiliée au {Formats.Date(effectiveOn)} : {value.CancelledInstallments} échéance(s) annulée(s)"
                + (value.ClosingBalances.Count > 0 ? $", solde de clôture de {Formats.Money(value.ClosingBalances.Sum(b => b.Amount))} (versé après approbation du compte rendu final)" : "")
                + (value.RecoveryOrders.Count > 0 ? $", ordre de reversement de {Formats.Money(value.RecoveryOrders.Sum(r => r.Amount))}" : "")
                + ".";
            return RedirectToPage(new { id = Id });
        }

        Errors = ApplicationText.IsStale(terminated.Error)
            ? ["La convention a été modifiée entre-temps : vérifiez-la puis recommencez."]
            : ApplicationText.Messages(terminated.Error);
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var agreement = await sender.Send(new GetAgreement(Id), cancellationToken);
        if (!agreement.IsSuccess)
        {
            return false;
        }

        Agreement = agreement.Value;
        return true;
    }
}
