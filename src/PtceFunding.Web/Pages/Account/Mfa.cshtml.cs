using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PtceFunding.Infrastructure.Identity;
using QRCoder;

namespace PtceFunding.Web.Pages.Account;

/// <summary>
/// Two-factor authentication of the signed-in person (<see cref="MultiFactor"/>): enrolment with an authenticator
/// application (a QR code drawn here, never by a third-party service, and the key to type by hand), confirmed by a first
/// code; ten recovery codes shown once; renewing them; turning it off (only where the role does not require it); and, for
/// an enrolled person whose session did not use it, a code to go on. Enrolling or turning it off ends the person's other
/// sessions and tokens.
/// </summary>
public sealed class MfaModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityEvents events) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Enrolled { get; private set; }

    public bool Required { get; private set; }

    public bool SessionUsedIt { get; private set; }

    /// <summary>The key to enrol, in groups of four, and its QR code (a PNG data address).</summary>
    public string? ReadableKey { get; private set; }

    public string? QrCode { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Recovery codes just made: shown this once.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string? CodeError { get; private set; }

    public string? Notice { get; private set; }

    public string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGet() => await Load() is null ? Challenge() : Page();

    /// <summary>The first code from the application proves it holds the key: the second factor is on.</summary>
    public async Task<IActionResult> OnPostEnable()
    {
        if (await Load() is not { } user)
        {
            return Challenge();
        }

        if (Enrolled)
        {
            return Page();
        }

        if (!await Verify(user))
        {
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, MultiFactor.RecoveryCodes) ?? []];
        await events.Record(SecurityEvent.MfaEnabled, user);
        await SignInAgain(user);
        Notice = "La double authentification est activée. Vos autres sessions ont été fermées.";
        await Load();
        return Page();
    }

    /// <summary>An enrolled person whose session signed in without the second factor gives a code to go on.</summary>
    public async Task<IActionResult> OnPostConfirm()
    {
        if (await Load() is not { } user)
        {
            return Challenge();
        }

        if (!Enrolled || !await Verify(user))
        {
            return Page();
        }

        await SignInAgain(user);
        return LocalRedirect(Next);
    }

    public async Task<IActionResult> OnPostRenewCodes()
    {
        if (await Load() is not { } user)
        {
            return Challenge();
        }

        if (!Enrolled || !SessionUsedIt || !await Verify(user))
        {
            return Page();
        }

        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, MultiFactor.RecoveryCodes) ?? []];
        await events.Record(SecurityEvent.RecoveryCodesRenewed, user);
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostDisable()
    {
        if (await Load() is not { } user)
        {
            return Challenge();
        }

        if (!Enrolled || Required || !await Verify(user))
        {
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await events.Record(SecurityEvent.MfaDisabled, user);
        await signIn.SignInAsync(user, isPersistent: false);
        Notice = "La double authentification est désactivée. Vos autres sessions ont été fermées.";
        await Load();
        return Page();
    }

    private async Task<AppUser?> Load()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Enrolled = await users.GetTwoFactorEnabledAsync(user);
        Required = MultiFactor.IsRequiredFor(User);
        SessionUsedIt = MultiFactor.IsSatisfiedBy(User);
        if (Enrolled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return user;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await MultiFactor.SetKey(users, HttpContext.RequestServices.GetRequiredService<IUserStore<AppUser>>(), user, key);
        }

        ReadableKey = MultiFactor.Readable(key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(MultiFactor.KeyUri(user.Email!, key), QRCodeGenerator.ECCLevel.Q);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
        return user;
    }

    private async Task<bool> Verify(AppUser user)
    {
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code ?? ""))
        {
            return true;
        }

        CodeError = "Ce code est incorrect, a expiré ou a déjà servi. Saisissez les 6 chiffres que votre application affiche maintenant.";
        return false;
    }

    /// <summary>A new session that used the second factor (the security stamp may have changed, ending the former one).</summary>
    private Task SignInAgain(AppUser user) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(MultiFactor.MethodsClaim, MultiFactor.Done)]);
}
