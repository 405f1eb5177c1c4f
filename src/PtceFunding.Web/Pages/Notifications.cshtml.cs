using PtceFunding.Application.Notifications;

namespace PtceFunding.Web.Pages;

/// <summary>The signed-in user's in-app notifications, newest first, each marked read on request.</summary>
public sealed class NotificationsModel(ISender sender) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public MyNotifications? Mine { get; private set; }

    public string? ErrorMessage { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? NoticeError { get; set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListMyNotifications(PageNumber, PageSize), cancellationToken);
        if (result.IsSuccess)
        {
            Mine = result.Value;
        }
        else
        {
            ErrorMessage = result.Error.Message;
        }
    }

    public async Task<IActionResult> OnPostRead(Guid id, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new MarkNotificationRead(id), cancellationToken);
        if (result.IsSuccess)
        {
            Notice = "La notification est marquée comme lue.";
        }
        else
        {
            NoticeError = result.Error.Message;
        }

        return RedirectToPage(new { PageNumber });
    }
}
