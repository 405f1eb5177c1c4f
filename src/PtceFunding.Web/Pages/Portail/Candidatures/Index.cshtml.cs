using PtceFunding.Application.Applications;

namespace PtceFunding.Web.Pages.Portail.Candidatures;

/// <summary>The applications of the user's consortiums, drafts and filed ones, newest first.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ApplicationLine> Applications { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListMyApplications(), cancellationToken);
        if (result.IsSuccess)
        {
            Applications = result.Value;
        }
        else
        {
            ErrorMessage = result.Error.Message;
        }
    }

    public static string Session(ApplicationLine line) => line switch
    {
        { SessionName: { } name } => name,
        { IsUnscheduled: true } => "en attente de session",
        _ => "—",
    };
}
