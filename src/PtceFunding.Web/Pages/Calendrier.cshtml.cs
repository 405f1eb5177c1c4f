using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Reminders;

namespace PtceFunding.Web.Pages;

/// <summary>My calendar subscription: create, regenerate or revoke the secret address of my upcoming deadlines.</summary>
public sealed class CalendrierModel(ISender sender, ILinks links) : PageModel
{
    public CalendarFeedView? Feed { get; private set; }

    /// <summary>The address, shown only right after it was created (only its hash is stored).</summary>
    [TempData]
    public string? NewUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetMyCalendarFeed(), cancellationToken);
        Feed = result.IsSuccess ? result.Value : null;
        ErrorMessage = result.Error?.Message;
    }

    public async Task<IActionResult> OnPostCreate(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new CreateMyCalendarFeed(), cancellationToken);
        if (result.IsSuccess)
        {
            NewUrl = links.Calendar(result.Value);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevoke(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RevokeMyCalendarFeed(), cancellationToken);
        Notice = result.IsSuccess ? "L'adresse d'abonnement est révoquée : elle ne répond plus." : result.Error.Message;
        return RedirectToPage();
    }
}
