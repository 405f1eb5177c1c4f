using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace PtceFunding.Web.Security;

/// <summary>
/// Cross-site request forgery on the API: a browser sends the sign-in cookie with any request a hostile page makes it
/// send, so an unsafe request (POST, PUT, PATCH, DELETE) to <c>/api</c> authenticated by that cookie must also carry the
/// antiforgery token in the <see cref="HeaderName"/> header (read from <c>GET /api/me/antiforgery-token</c>), which no
/// other site can read. Bearer-token calls carry no ambient credential and are not concerned; nor are safe requests,
/// such as the downloads the pages link to.
/// </summary>
internal sealed class ApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsToken(context) && !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            await TypedResults.Problem(
                    "Une requête d'écriture authentifiée par le cookie de session doit porter le jeton anti-falsification dans l'en-tête " + HeaderName + " (GET /api/me/antiforgery-token).",
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Jeton anti-falsification manquant ou invalide",
                    extensions: new Dictionary<string, object?> { ["code"] = "auth.antiforgery" })
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool NeedsToken(HttpContext context) =>
        AuthenticationSchemes.IsApi(context.Request)
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && AuthenticationSchemes.Select(context) == IdentityConstants.ApplicationScheme
        && context.User.Identity?.IsAuthenticated == true;
}
