using PtceFunding.Application.Users;

namespace PtceFunding.Web.Pages.Account;

/// <summary>Asks for a reset link; the answer never says whether the address has an account.</summary>
public sealed class ForgotPasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? EmailError { get; private set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RequestPasswordReset(Email ?? ""), cancellationToken);
        if (result.IsSuccess)
        {
            Sent = true;
        }
        else
        {
            EmailError = result.Error.FieldErrors.TryGetValue(nameof(RequestPasswordReset.Email), out var messages)
                ? string.Join(" ", messages)
                : result.Error.Message;
        }

        return Page();
    }
}
