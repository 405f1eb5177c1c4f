using PtceFunding.Application.Users;

namespace PtceFunding.Web.Pages.Account;

/// <summary>
/// The page a confirmation link opens. Opening it confirms nothing: the person presses the button
/// (a POST), so that the link scanners of mail servers, which follow every link, cannot confirm an
/// address on the owner's behalf.
/// </summary>
public sealed class ConfirmEmailModel(ISender sender) : PageModel
{
    private const string IncompleteLink = "Ce lien est incomplet : copiez-le en entier depuis le courriel, ou demandez-en un nouveau.";

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Confirmed { get; private set; }

    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
        KeepTheTokenToThisPage();
        if (!Guid.TryParse(UserId, out _) || string.IsNullOrWhiteSpace(Token))
        {
            ErrorMessage = IncompleteLink;
        }
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        KeepTheTokenToThisPage();
        if (!Guid.TryParse(UserId, out var userId) || string.IsNullOrWhiteSpace(Token))
        {
            ErrorMessage = IncompleteLink;
            return Page();
        }

        var result = await sender.Send(new ConfirmEmail(userId, Token), cancellationToken);
        if (result.IsSuccess)
        {
            Confirmed = true;
        }
        else
        {
            ErrorMessage = result.Error.FieldErrors.Values.SelectMany(m => m).FirstOrDefault() ?? result.Error.Message;
        }

        return Page();
    }

    // The token is in this page's address: no other site may see it in a Referer header. (Caching is
    // already off: the page holds an anti-forgery token.)
    private void KeepTheTokenToThisPage()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
