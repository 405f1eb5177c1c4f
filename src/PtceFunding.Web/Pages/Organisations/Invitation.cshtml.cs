using PtceFunding.Application.Organisations;

namespace PtceFunding.Web.Pages.Organisations;

/// <summary>
/// The page an invitation link opens (after signing in: the login comes back here). Opening it
/// accepts nothing: the invited person presses the button.
/// </summary>
public sealed class InvitationModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public InvitationDetails? Invitation { get; private set; }

    public string? ErrorMessage { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        KeepTheTokenToThisPage();
        await Load(cancellationToken);
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        KeepTheTokenToThisPage();
        var accepted = await sender.Send(new AcceptOrganisationInvitation(Token ?? ""), cancellationToken);
        if (accepted.IsSuccess)
        {
            TempData["Notice"] = "Invitation acceptée : vous agissez désormais pour cette organisation.";
            return RedirectToPage("/Organisations/Index");
        }

        ErrorMessage = accepted.Error.FieldErrors.Values.SelectMany(m => m).FirstOrDefault() ?? accepted.Error.Message;
        await Load(cancellationToken);
        return Page();
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var found = await sender.Send(new GetOrganisationInvitation(Token ?? ""), cancellationToken);
        if (found.IsSuccess)
        {
            Invitation = found.Value;
        }
        else
        {
            ErrorMessage ??= found.Error.FieldErrors.Values.SelectMany(m => m).FirstOrDefault() ?? found.Error.Message;
        }
    }

    // The token is in this page's address: no other site may see it in a Referer header.
    private void KeepTheTokenToThisPage() => Response.Headers["Referrer-Policy"] = "no-referrer";
}
