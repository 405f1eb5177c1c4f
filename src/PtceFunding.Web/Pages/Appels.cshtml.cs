using PtceFunding.Application.Calls;

namespace PtceFunding.Web.Pages;

/// <summary>Public: the calls open to applications, who may apply, what to attach and the next cut-off.</summary>
public sealed class AppelsModel(ISender sender) : PageModel
{
    public IReadOnlyList<OpenCall> Calls { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var calls = await sender.Send(new ListOpenCalls(), cancellationToken);
        Calls = calls.IsSuccess ? calls.Value : [];
    }
}
