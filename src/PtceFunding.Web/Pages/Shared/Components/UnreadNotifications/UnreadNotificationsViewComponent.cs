using PtceFunding.Application.Notifications;

namespace PtceFunding.Web.Pages.Shared.Components.UnreadNotifications;

/// <summary>
/// The header link to the user's notifications, with the number still unread in its text (and so in
/// its accessible name). It is on every page, the error page included: if the count cannot be read,
/// the link is shown without it rather than failing the page.
/// </summary>
public sealed partial class UnreadNotificationsViewComponent(ISender sender, ILogger<UnreadNotificationsViewComponent> logger) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        int? unread = null;
        try
        {
            var result = await sender.Send(new ListMyNotifications(1, 1), HttpContext.RequestAborted);
            unread = result.IsSuccess ? result.Value.Unread : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCountUnavailable(logger, exception);
        }

        return View(unread);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The number of unread notifications could not be read for the header")]
    private static partial void LogCountUnavailable(ILogger logger, Exception exception);
}
