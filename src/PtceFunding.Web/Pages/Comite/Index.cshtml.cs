using PtceFunding.Application.Committee;

namespace PtceFunding.Web.Pages.Comite;

/// <summary>The committee sessions the member sits on.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<CommitteeSessionSummary> Sessions { get; private set; } = [];

    public Error? Problem { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var sessions = await sender.Send(new ListCommitteeSessions(), cancellationToken);
        if (sessions.IsSuccess)
        {
            Sessions = sessions.Value;
        }
        else
        {
            Problem = sessions.Error;
        }
    }
}
