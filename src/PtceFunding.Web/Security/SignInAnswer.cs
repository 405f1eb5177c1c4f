using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Security;

/// <summary>
/// What a failed sign-in is told, the same on the pages and the token endpoint. A wrong password gets one answer whatever
/// the account (see <see cref="DiscreetSignInManager"/>); only the right password learns of a lockout or a pending confirmation.
/// </summary>
internal sealed record SignInAnswer(string Code, string Title, string Message)
{
    public static readonly SignInAnswer Unconfirmed = new("auth.email_unconfirmed", "Adresse électronique non confirmée", "Confirmez votre adresse e-mail : nous vous avons envoyé un lien.");

    public static readonly SignInAnswer LockedOut = new("auth.locked_out", "Compte verrouillé", "Ce compte est temporairement verrouillé après plusieurs échecs de connexion. Réessayez dans 15 minutes.");

    public static readonly SignInAnswer Refused = new("auth.invalid_credentials", "Connexion refusée", "Adresse électronique ou mot de passe incorrect.");

    public static SignInAnswer For(Microsoft.AspNetCore.Identity.SignInResult outcome) =>
        outcome == DiscreetSignInManager.ConfirmationPending ? Unconfirmed
        : outcome.IsLockedOut ? LockedOut
        : Refused;
}
