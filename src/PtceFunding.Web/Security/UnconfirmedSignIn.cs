using Microsoft.AspNetCore.Identity;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Security;

/// <summary>
/// Identity refuses an account whose address is unconfirmed before it checks the password: telling
/// "confirm your address" then would tell anyone that the address has an account. Only the right
/// password earns that message; a wrong one counts as a failed attempt, as for any account.
/// </summary>
internal static class UnconfirmedSignIn
{
    public const string Message = "Confirmez votre adresse e-mail : nous vous avons envoyé un lien.";

    public static async Task<bool> HasTheRightPassword(UserManager<AppUser> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim()).ConfigureAwait(false);
        if (user is null || user.EmailConfirmed || await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password).ConfigureAwait(false))
        {
            return true;
        }

        await users.AccessFailedAsync(user).ConfigureAwait(false);
        return false;
    }
}
