using PtceFunding.Application.Payments;

namespace PtceFunding.Web.Pages.Finances;

/// <summary>
/// A finance officer's bank-detail changes waiting in their territory, beside the details they would
/// replace: approve (unless they entered it themselves) or refuse with a reason the organisation receives.
/// </summary>
public sealed class CoordonneesBancairesModel(ISender sender) : PageModel
{
    public IReadOnlyList<PendingBankDetailsLine> Changes { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    /// <summary>The change whose refusal form failed, and the reason typed.</summary>
    public Guid? FailedId { get; private set; }

    public string? Reason { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGet(CancellationToken cancellationToken) => await Load(cancellationToken);

    public async Task<IActionResult> OnPostApprove(Guid id, int version, CancellationToken cancellationToken)
    {
        var approved = await sender.Send(new ApproveBankDetails(id, version), cancellationToken);
        return await After(approved, id, null, "Les coordonnées bancaires sont approuvées : les prochains versements y seront adressés.", cancellationToken);
    }

    public async Task<IActionResult> OnPostReject(Guid id, int version, string? reason, CancellationToken cancellationToken)
    {
        var rejected = await sender.Send(new RejectBankDetails(id, version, reason), cancellationToken);
        return await After(rejected, id, reason, "Les coordonnées bancaires sont refusées : l'organisation reçoit le motif.", cancellationToken);
    }

    private async Task<IActionResult> After(Result result, Guid id, string? reason, string notice, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            Notice = notice;
            return RedirectToPage();
        }

        ErrorMessage = result.Error.FieldErrors.Values.SelectMany(m => m).FirstOrDefault() ?? result.Error.Message;
        FailedId = id;
        Reason = reason;
        await Load(cancellationToken);
        return Page();
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var changes = await sender.Send(new ListPendingBankDetails(), cancellationToken);
        if (changes.IsSuccess)
        {
            Changes = changes.Value;
        }
        else
        {
            ErrorMessage ??= changes.Error.Message;
        }
    }
}
