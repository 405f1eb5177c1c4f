using PtceFunding.Application.Reviews;

namespace PtceFunding.Web.Pages.Expertise;

/// <summary>An expert's assignments and where each stands (declaration, opinion).</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<MyReviewLine> Reviews { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var reviews = await sender.Send(new ListMyReviews(), cancellationToken);
        if (reviews.IsSuccess)
        {
            Reviews = reviews.Value;
        }
        else
        {
            ErrorMessage = reviews.Error.Message;
        }
    }
}
