using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Calls;
using PtceFunding.Application.Funders;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Web.Pages.Admin.Calls;

/// <summary>The calls the administrator manages, and the form that drafts a new one (in a new programme if need be).</summary>
public sealed class IndexModel(ISender sender, ICurrentUser user) : PageModel
{
    /// <summary>The rules a new call starts with, refined on its edit page before publication.</summary>
    private static readonly CallRules StarterRules = new(new EligibilityRules(true, 1, [], [], null, 3), [], [], []);

    public IReadOnlyList<CallSummary> Calls { get; private set; } = [];

    public IReadOnlyList<ProgrammeSummary> Programmes { get; private set; } = [];

    public Error? Problem { get; private set; }

    [BindProperty]
    public Guid? ProgrammeId { get; set; }

    [BindProperty]
    public string? NewProgrammeName { get; set; }

    [BindProperty]
    public CallDetailsForm Details { get; set; } = new();

    public async Task OnGet(CancellationToken cancellationToken)
    {
        await Load(cancellationToken);
        var funders = await sender.Send(new ListFunders(), cancellationToken);
        Details = CallDetailsForm.For(funders.IsSuccess ? funders.Value : [], user.FunderId?.Value);
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var programmeId = ProgrammeId;
        if (programmeId is null)
        {
            var created = await sender.Send(new CreateProgramme(NewProgrammeName ?? "", null), cancellationToken);
            if (!created.IsSuccess)
            {
                return await Failed(created.Error, cancellationToken);
            }

            programmeId = created.Value;
        }

        // The programme now exists: a second attempt must not create it again.
        ProgrammeId = programmeId;
        NewProgrammeName = null;
        ModelState.Remove(nameof(ProgrammeId));
        ModelState.Remove(nameof(NewProgrammeName));
        var call = await sender.Send(new CreateCall(programmeId.Value, Details.ToInput(FrenchRegion.MetropolitanTimeZone), StarterRules), cancellationToken);
        if (!call.IsSuccess)
        {
            return await Failed(call.Error, cancellationToken);
        }

        TempData["Notice"] = "L'appel est créé en préparation. Complétez ses règles, puis publiez-le.";
        return RedirectToPage("/Admin/Calls/Edit", new { id = call.Value });
    }

    private async Task<IActionResult> Failed(Error error, CancellationToken cancellationToken)
    {
        Problem = error;
        await Load(cancellationToken);
        return Page();
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var calls = await sender.Send(new ListCalls(), cancellationToken);
        var programmes = await sender.Send(new ListProgrammes(), cancellationToken);
        Calls = calls.IsSuccess ? calls.Value : [];
        Programmes = programmes.IsSuccess ? programmes.Value : [];
        Problem ??= calls.Error ?? programmes.Error;
    }
}
