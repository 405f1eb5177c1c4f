using Microsoft.AspNetCore.Identity;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Users;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Pages.Account;

/// <summary>
/// Cookie sign-in for the pages; five failed attempts lock the account for 15 minutes. An account
/// whose address is unconfirmed is told so (with the right password only) and may ask for a new link.
/// </summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, ISender sender, OperationContext operation) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>The password was right but the address is unconfirmed: the page offers to send the link again.</summary>
    public bool Unconfirmed { get; private set; }

    public string? Notice { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            ErrorMessage = "Saisissez votre adresse électronique et votre mot de passe.";
            return Page();
        }

        operation.Name = "SignIn";
        var outcome = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (outcome.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (outcome.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        }

        var answer = SignInAnswer.For(outcome);
        Unconfirmed = answer == SignInAnswer.Unconfirmed;
        ErrorMessage = answer.Message;
        return Page();
    }

    public async Task<IActionResult> OnPostResendConfirmation(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RequestEmailConfirmation(Email), cancellationToken);
        if (result.IsSuccess)
        {
            Notice = "Si cette adresse attend sa confirmation, un nouveau lien vient de vous être envoyé. Pensez à regarder dans vos courriers indésirables.";
        }
        else
        {
            ErrorMessage = result.Error.FieldErrors.Values.SelectMany(m => m).FirstOrDefault() ?? result.Error.Message;
        }

        return Page();
    }
}
