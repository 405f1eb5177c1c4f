using Microsoft.AspNetCore.Identity;
using PtceFunding.Application.Abstractions;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Pages.Account;

/// <summary>
/// The second step of a sign-in to an account with two-factor authentication: the code of the authenticator application,
/// or one of the recovery codes. Reached only after the right password (Identity's two-factor cookie); wrong codes count
/// towards the lockout as wrong passwords do.
/// </summary>
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, OperationContext operation) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGet() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPost()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl });
        }

        if (string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ErrorMessage = "Saisissez le code de votre application, ou un code de secours.";
            return Page();
        }

        operation.Name = "SignIn";
        var outcome = string.IsNullOrWhiteSpace(Code)
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode!.Replace(" ", "", StringComparison.Ordinal))
            : await signIn.TwoFactorAuthenticatorSignInAsync(Code, isPersistent: false, rememberClient: false);
        if (outcome.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ErrorMessage = SignInAnswer.For(outcome, afterPassword: true).Message;
        return Page();
    }
}
