using Microsoft.AspNetCore.Identity;
using PtceFunding.Application.Users;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Pages.Account;

/// <summary>
/// The signed-in person changes their password. Every session of the account ends (on other browsers too); this one is
/// signed in again at once with a new session.
/// </summary>
public sealed class ChangePasswordModel(ISender sender, SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public string? CurrentError { get; private set; }

    public string? PasswordError { get; private set; }

    public string? ConfirmationError { get; private set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(NewPassword) && NewPassword != Confirmation)
        {
            ConfirmationError = "Les deux mots de passe saisis sont différents.";
            return Page();
        }

        var result = await sender.Send(new ChangeMyPassword(CurrentPassword ?? "", NewPassword ?? ""), cancellationToken);
        if (!result.IsSuccess)
        {
            var errors = result.Error.FieldErrors;
            CurrentError = errors.TryGetValue(nameof(ChangeMyPassword.CurrentPassword), out var current) ? string.Join(" ", current) : null;
            PasswordError = errors.TryGetValue(nameof(ChangeMyPassword.NewPassword), out var password) ? string.Join(" ", password) : null;
            return Page();
        }

        // The change ended every session, this one included: it starts again, with the new security stamp and the
        // authentication methods it had (a second factor stays proven).
        if (await users.GetUserAsync(User) is { } user)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [.. User.FindAll(MultiFactor.MethodsClaim).Select(c => new System.Security.Claims.Claim(c.Type, c.Value))]);
        }

        Done = true;
        return Page();
    }
}
