using PtceFunding.Application;
using PtceFunding.Application.Auditing;

namespace PtceFunding.Web.Pages.Admin;

public sealed class AuditModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Operation { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Page<AuditLine>? Trail { get; private set; }

    public string? ErrorMessage { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetAuditTrail(EntityType, null, Operation, PageNumber: PageNumber), cancellationToken);
        if (result.IsSuccess)
        {
            Trail = result.Value;
        }
        else
        {
            ErrorMessage = result.Error.Message;
        }
    }
}
