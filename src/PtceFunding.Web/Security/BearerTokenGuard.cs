using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Security;

/// <summary>
/// A bearer token stops working when its account's security stamp changes (password reset or change, lockout, role
/// change, deactivation, second factor turned on or off), at its next request, as a revoked one does: 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c> (RFC 6750), before anything else runs.
/// </summary>
internal sealed class BearerTokenGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SessionRegistry sessions)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && AuthenticationSchemes.Select(context) == TokenPrincipal.ValidationScheme
            && !await sessions.IsAlive(context.User, browser: false, context.RequestAborted).ConfigureAwait(false))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The token was revoked.\"";
            await TypedResults.Problem(
                    "Ce jeton n'est plus valable (mot de passe changé, compte verrouillé, désactivé ou rôle changé) : demandez-en un nouveau.",
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Jeton révoqué",
                    extensions: new Dictionary<string, object?> { ["code"] = "auth.token_revoked" })
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
