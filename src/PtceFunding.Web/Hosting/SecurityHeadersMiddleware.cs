namespace PtceFunding.Web.Hosting;

/// <summary>
/// Security headers on every response. The content security policy allows only this origin:
/// the DSFR is served locally and no page uses inline scripts or styles. What a signed-in person is shown, and the
/// calendar feed (whose address is its credential), is never kept by a browser or a shared cache.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        context.Response.OnStarting(() =>
        {
            if (IsPrivate(context))
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsPrivate(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/calendar", StringComparison.OrdinalIgnoreCase);
}
