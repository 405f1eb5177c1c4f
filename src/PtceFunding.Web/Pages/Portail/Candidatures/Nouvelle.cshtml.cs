using PtceFunding.Application.Applications;
using PtceFunding.Application.Organisations;

namespace PtceFunding.Web.Pages.Portail.Candidatures;

/// <summary>
/// Starts a draft on a call, for one of the user's verified organisations as lead member. The id is
/// chosen when the form is shown, so that submitting the form twice opens one draft only.
/// </summary>
public sealed class NouvelleModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CallId { get; set; }

    [BindProperty]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public int Stage { get; set; } = 1;

    [BindProperty]
    public Guid? LeadOrganisationId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    public CallToApply Call { get; private set; } = null!;

    public IReadOnlyList<VerifiedOrganisation> Organisations { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        Id = Guid.NewGuid();
        Category = Call.Categories.Count == 1 ? Call.Categories[0] : null;
        LeadOrganisationId = Organisations.Count == 1 ? Organisations[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        if (LeadOrganisationId is not { } leadId)
        {
            FieldErrors = new Dictionary<string, string[]> { [nameof(LeadOrganisationId)] = ["Choisissez l'organisation chef de file."] };
            Errors = ["Choisissez l'organisation chef de file."];
            return Page();
        }

        var started = await sender.Send(new StartApplication(Id, CallId, Category ?? "", Call.IsTwoStage ? Stage : 1, leadId, Title ?? ""), cancellationToken);
        if (started.IsSuccess)
        {
            return RedirectToPage("/Portail/Candidatures/Dossier", new { id = started.Value });
        }

        Errors = ApplicationText.Messages(started.Error);
        FieldErrors = started.Error.FieldErrors;
        return Page();
    }

    public string? ErrorOf(string field) => FieldErrors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var call = await sender.Send(new GetCallToApply(CallId), cancellationToken);
        if (!call.IsSuccess)
        {
            return false;
        }

        Call = call.Value;
        var organisations = await sender.Send(new ListMyVerifiedOrganisations(), cancellationToken);
        Organisations = organisations.IsSuccess ? organisations.Value : [];
        return true;
    }
}
