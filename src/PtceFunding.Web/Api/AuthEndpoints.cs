using Microsoft.AspNetCore.Identity;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Pipeline;
using PtceFunding.Application.Users;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Api;

/// <summary>Bearer tokens for the HTTP API (pages use the sign-in cookie), and the password reset of someone who cannot sign in.</summary>
internal static class AuthEndpoints
{
    /// <summary>An address and password; for an account with two-factor authentication, also the code of its authenticator application or one of its recovery codes.</summary>
    public sealed record TokenRequest(string Email, string Password, string? Code = null, string? RecoveryCode = null);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Authentification");
        group.MapPost("/token", IssueToken).AllowAnonymous()
            .WithSummary("Échange une adresse et un mot de passe (et, si la double authentification est activée, le code de l'application d'authentification ou un code de secours) contre un jeton d'accès (verrouillage après 5 échecs).");

        // Public: whoever forgot their password cannot sign in. The request answers 202 whether or not
        // the address has an account; the reset needs the token sent to that address.
        group.MapPost("/password-reset-requests", async (RequestPasswordReset command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(() => TypedResults.Accepted((string?)null)))
            .AllowAnonymous()
            .WithSummary("Demande un lien de réinitialisation du mot de passe, envoyé par courriel si un compte a cette adresse (202 dans tous les cas).");
        group.MapPost("/password-resets", async (ResetPassword command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(TypedResults.NoContent))
            .AllowAnonymous()
            .WithSummary("Choisit un nouveau mot de passe avec le jeton du lien reçu par courriel ; déverrouille le compte.");
        return api;
    }

    private static async Task<Microsoft.AspNetCore.Http.IResult> IssueToken(TokenRequest request, SignInManager<AppUser> signIn, OperationContext operation)
    {
        if (!InputContract.IsAcceptableText(request.Email, 256) || !InputContract.IsAcceptableText(request.Password, 256)
            || !InputContract.IsAcceptableText(request.Code, 16) || !InputContract.IsAcceptableText(request.RecoveryCode, 32))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [nameof(request.Email)] = ["L'adresse électronique ou le mot de passe contient des caractères non acceptés, ou est trop long."] },
                title: "Requête invalide");
        }

        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    [nameof(request.Email)] = string.IsNullOrWhiteSpace(request.Email) ? ["L'adresse électronique est obligatoire."] : [],
                    [nameof(request.Password)] = string.IsNullOrEmpty(request.Password) ? ["Le mot de passe est obligatoire."] : [],
                }.Where(p => p.Value.Length > 0).ToDictionary(),
                title: "Requête invalide");
        }

        operation.Name = "SignIn";
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var outcome = await signIn.PasswordSignInAsync(request.Email, request.Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        var secondStep = outcome.RequiresTwoFactor;
        if (secondStep)
        {
            if (string.IsNullOrWhiteSpace(request.Code) && string.IsNullOrWhiteSpace(request.RecoveryCode))
            {
                return TypedResults.Problem(
                    "Ce compte utilise la double authentification : joignez le code à 6 chiffres de votre application d'authentification (champ « code ») ou un code de secours (champ « recoveryCode »).",
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Code de vérification requis",
                    extensions: new Dictionary<string, object?> { ["code"] = "auth.mfa_code_required" });
            }

            outcome = string.IsNullOrWhiteSpace(request.Code)
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(request.RecoveryCode!.Replace(" ", "", StringComparison.Ordinal)).ConfigureAwait(false)
                : await signIn.TwoFactorAuthenticatorSignInAsync(request.Code, isPersistent: false, rememberClient: false).ConfigureAwait(false);
        }

        if (outcome.Succeeded)
        {
            // The bearer handler has written the token response.
            return TypedResults.Empty;
        }

        var answer = SignInAnswer.For(outcome, afterPassword: secondStep);
        return TypedResults.Problem(answer.Message, statusCode: StatusCodes.Status401Unauthorized, title: answer.Title, extensions: new Dictionary<string, object?> { ["code"] = answer.Code });
    }
}
