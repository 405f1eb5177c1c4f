using Microsoft.AspNetCore.Identity;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
