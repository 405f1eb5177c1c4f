using PtceFunding.Application.Users;

namespace PtceFunding.Web.Pages.Account;

/// <summary>The page a reset link opens: the address and the token come from the link, the new password from the person.</summary>
public sealed class ResetPasswordModel(ISender sender) : PageModel
{
    private const string IncompleteLink = "Ce lien est incomplet : copiez-le en entier depuis le courriel, ou demandez-en un nouveau.";

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public string? LinkError { get; private set; }

    public string? PasswordError { get; private set; }

    public string? ConfirmationError { get; private set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
        KeepTheTokenToThisPage();
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Token))
        {
            LinkError = IncompleteLink;
        }
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        KeepTheTokenToThisPage();
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Token))
        {
            LinkError = IncompleteLink;
            return Page();
        }

        if (!string.IsNullOrEmpty(NewPassword) && NewPassword != Confirmation)
        {
            ConfirmationError = "Les deux mots de passe saisis sont différents.";
            return Page();
        }

        var result = await sender.Send(new ResetPassword(Email, Token, NewPassword ?? ""), cancellationToken);
        if (result.IsSuccess)
        {
            Done = true;
            return Page();
        }

        var errors = result.Error.FieldErrors;
        if (errors.TryGetValue(nameof(ResetPassword.NewPassword), out var password))
        {
            PasswordError = string.Join(" ", password);
        }

        if (errors.TryGetValue(nameof(ResetPassword.Token), out var token) || errors.TryGetValue(nameof(ResetPassword.Email), out token))
        {
            LinkError = string.Join(" ", token);
        }
        else if (PasswordError is null)
        {
            LinkError = result.Error.Message;
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
