using PtceFunding.Application.Payments;

namespace PtceFunding.Web.Pages.Organisations;

/// <summary>
/// An organisation's bank details, for its verified users: the approved ones, the change waiting for a
/// finance officer, the history, and a form to enter new details (they replace a change still pending).
/// </summary>
public sealed class CoordonneesBancairesModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid OrganisationId { get; set; }

    [BindProperty]
    public string? HolderName { get; set; }

    [BindProperty]
    public string? Iban { get; set; }

    [BindProperty]
    public string? Bic { get; set; }

    public BankDetailsView? Details { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? ErrorMessage { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) => await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var submitted = await sender.Send(new SubmitBankDetails(OrganisationId, HolderName, Iban, Bic), cancellationToken);
        if (submitted.IsSuccess)
        {
            Notice = submitted.Value.Replaced is null
                ? "Vos coordonnées bancaires sont enregistrées : elles prendront effet une fois approuvées par le gestionnaire financier."
                : "Vos coordonnées bancaires remplacent la modification qui attendait : elles prendront effet une fois approuvées par le gestionnaire financier.";
            return RedirectToPage(new { id = OrganisationId });
        }

        Errors = submitted.Error.FieldErrors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value));
        ErrorMessage = submitted.Error.FieldErrors.Count > 0 ? "Certaines informations saisies sont à corriger." : submitted.Error.Message;
        return await Load(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var details = await sender.Send(new GetBankDetails(OrganisationId), cancellationToken);
        Details = details.IsSuccess ? details.Value : null;
        return details.IsSuccess;
    }
}
