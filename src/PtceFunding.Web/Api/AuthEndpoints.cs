using PtceFunding.Application.Users;

namespace PtceFunding.Web.Api;

/// <summary>The password reset of someone who cannot sign in (tokens come from the OAuth 2 server: <see cref="Security.OAuthServer"/>).</summary>
internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Authentification");
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
}
