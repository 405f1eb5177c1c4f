using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Users;

namespace PtceFunding.Web.Pages.Account;

/// <summary>Cookie sign-in for the pages; five failed attempts lock the account for 15 minutes.</summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, OperationContext operation) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

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

        ErrorMessage = outcome.IsLockedOut
            ? "Ce compte est temporairement verrouillé après plusieurs échecs de connexion. Réessayez dans 15 minutes."
            : "Adresse électronique ou mot de passe incorrect.";
        return Page();
    }
}
