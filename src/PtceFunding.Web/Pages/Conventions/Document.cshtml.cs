using PtceFunding.Application.Agreements;

namespace PtceFunding.Web.Pages.Conventions;

/// <summary>
/// The agreement as a document the parties print or save as PDF from their browser: the clauses in numbered
/// articles, under the current version of its terms. Readable by whoever reads the agreement page.
/// </summary>
public sealed class DocumentModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public AgreementView View { get; private set; } = null!;

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetAgreement(Id), cancellationToken);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        View = result.Value;
        return Page();
    }
}
