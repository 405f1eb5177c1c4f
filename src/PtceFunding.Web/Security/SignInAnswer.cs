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

    /// <summary>The right password, then a wrong, spent or expired code (only the right password learns this).</summary>
    public static readonly SignInAnswer WrongCode = new("auth.mfa_code_invalid", "Code de vérification incorrect", "Ce code est incorrect, a expiré ou a déjà servi. Saisissez le code que votre application affiche maintenant, ou un code de secours.");

    /// <summary>What <paramref name="outcome"/> is told; <paramref name="afterPassword"/>: the outcome of the second step, the password having been right.</summary>
    public static SignInAnswer For(Microsoft.AspNetCore.Identity.SignInResult outcome, bool afterPassword = false) =>
        outcome == DiscreetSignInManager.ConfirmationPending ? Unconfirmed
        : outcome.IsLockedOut ? LockedOut
        : afterPassword ? WrongCode
        : Refused;
}
