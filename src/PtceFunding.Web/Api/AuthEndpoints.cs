using Microsoft.AspNetCore.Identity;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Pipeline;
using PtceFunding.Application.Users;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Api;

/// <summary>Bearer tokens for the HTTP API (pages use the sign-in cookie), and the password reset of someone who cannot sign in.</summary>
internal static class AuthEndpoints
{
    public sealed record TokenRequest(string Email, string Password);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Authentification");
        group.MapPost("/token", IssueToken).AllowAnonymous()
            .WithSummary("Échange une adresse et un mot de passe contre un jeton d'accès (verrouillage après 5 échecs).");

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

    private static async Task<Microsoft.AspNetCore.Http.IResult> IssueToken(TokenRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users, OperationContext operation)
    {
        if (!InputContract.IsAcceptableText(request.Email, 256) || !InputContract.IsAcceptableText(request.Password, 256))
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
        if (outcome.Succeeded)
        {
            // The bearer handler has written the token response.
            return TypedResults.Empty;
        }

        if (outcome.IsNotAllowed && await UnconfirmedSignIn.HasTheRightPassword(users, request.Email, request.Password).ConfigureAwait(false))
        {
            return TypedResults.Problem(UnconfirmedSignIn.Message, statusCode: StatusCodes.Status401Unauthorized, title: "Adresse électronique non confirmée", extensions: new Dictionary<string, object?> { ["code"] = "auth.email_unconfirmed" });
        }

        return outcome.IsLockedOut
            ? TypedResults.Problem("Ce compte est temporairement verrouillé après plusieurs échecs de connexion. Réessayez dans 15 minutes.", statusCode: StatusCodes.Status401Unauthorized, title: "Compte verrouillé", extensions: new Dictionary<string, object?> { ["code"] = "auth.locked_out" })
            : TypedResults.Problem("Adresse électronique ou mot de passe incorrect.", statusCode: StatusCodes.Status401Unauthorized, title: "Connexion refusée", extensions: new Dictionary<string, object?> { ["code"] = "auth.invalid_credentials" });
    }
}
