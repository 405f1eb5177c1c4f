using PtceFunding.Application.Calls;

namespace PtceFunding.Web.Pages.Admin;

/// <summary>The funding programmes, and the form that creates one.</summary>
public sealed class ProgrammesModel(ISender sender) : PageModel
{
    public IReadOnlyList<ProgrammeSummary> Programmes { get; private set; } = [];

    public Error? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? Description { get; set; }

    public async Task OnGet(CancellationToken cancellationToken) => await Load(cancellationToken);

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var created = await sender.Send(new CreateProgramme(Name, Description), cancellationToken);
        if (created.IsSuccess)
        {
            Notice = $"Le programme « {Name.Trim()} » est créé.";
            return RedirectToPage();
        }

        Problem = created.Error;
        await Load(cancellationToken);
        return Page();
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var programmes = await sender.Send(new ListProgrammes(), cancellationToken);
        Programmes = programmes.IsSuccess ? programmes.Value : [];
        Problem ??= programmes.Error;
    }
}
