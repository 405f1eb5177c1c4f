using PtceFunding.Application.Calls;
using PtceFunding.Application.Funders;

namespace PtceFunding.Web.Pages.Admin.Calls;

/// <summary>One call: its details, its rules (versioned once published), and its publication, closing and archiving.</summary>
public sealed class EditModel(Mediator.ISender sender) : PageModel
{
    public CallView? Call { get; private set; }

    public Error? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The version the editor read; an edit based on an older one is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public CallDetailsForm Details { get; set; } = new();

    [BindProperty]
    public CallRulesForm Rules { get; set; } = new();

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }

        await FillDetails(cancellationToken);
        Rules = CallRulesForm.From(Call!.CurrentRules);
        return Page();
    }

    public async Task<IActionResult> OnPostDetails(Guid id, CancellationToken cancellationToken)
    {
        var current = await sender.Send(new GetCall(id), cancellationToken);
        var timeZone = current.IsSuccess ? current.Value.TimeZoneId : "Europe/Paris";
        var result = await sender.Send(new ChangeCallDetails(id, Details.ToInput(timeZone), Version), cancellationToken);
        if (result.IsSuccess)
        {
            Notice = "Les informations de l'appel sont enregistrées.";
            return RedirectToPage(new { id });
        }

        return await Failed(id, result.Error, keepDetails: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostRules(Guid id, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ChangeCallRules(id, Rules.ToRules(), Version), cancellationToken);
        if (result.IsSuccess)
        {
            Notice = $"Les règles sont enregistrées (version {result.Value.RulesVersion}).";
            return RedirectToPage(new { id });
        }

        return await Failed(id, result.Error, keepDetails: false, cancellationToken);
    }

    public Task<IActionResult> OnPostPublish(Guid id, CancellationToken cancellationToken) =>
        Act(id, new PublishCall(id), "L'appel est publié : il figure parmi les appels ouverts à partir de sa date d'ouverture.", cancellationToken);

    public Task<IActionResult> OnPostClose(Guid id, CancellationToken cancellationToken) =>
        Act(id, new CloseCall(id), "L'appel est clôturé : il ne reçoit plus de candidatures.", cancellationToken);

    public Task<IActionResult> OnPostArchive(Guid id, CancellationToken cancellationToken) =>
        Act(id, new ArchiveCall(id), "L'appel est archivé.", cancellationToken);

    private async Task<IActionResult> Act(Guid id, Application.Messaging.ICommand<Result> command, string success, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        if (result.IsSuccess)
        {
            Notice = success;
            return RedirectToPage(new { id });
        }

        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }

        Problem = result.Error;
        await FillDetails(cancellationToken);
        Rules = CallRulesForm.From(Call!.CurrentRules);
        return Page();
    }

    /// <summary>Shows the refusal next to what was typed; the other form shows the call as it is.</summary>
    private async Task<IActionResult> Failed(Guid id, Error error, bool keepDetails, CancellationToken cancellationToken)
    {
        var typedDetails = Details;
        var typedRules = Rules;
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }

        Problem = error;
        ModelState.Clear();
        if (keepDetails)
        {
            Details = typedDetails;
            Rules = CallRulesForm.From(Call!.CurrentRules);
        }
        else
        {
            await FillDetails(cancellationToken);
            Rules = typedRules;
        }

        // After a concurrent edit, the form shows the latest version so that saving again applies to it.
        Version = Call!.Version;
        return Page();
    }

    private async Task<bool> Load(Guid id, CancellationToken cancellationToken)
    {
        var call = await sender.Send(new GetCall(id), cancellationToken);
        Call = call.IsSuccess ? call.Value : null;
        Version = Call?.Version ?? 0;
        return Call is not null;
    }

    private async Task FillDetails(CancellationToken cancellationToken)
    {
        var funders = await sender.Send(new ListFunders(), cancellationToken);
        Details = CallDetailsForm.From(Call!, funders.IsSuccess ? funders.Value : []);
    }
}
