using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Security;

/// <summary>Pages sign in with a cookie; the HTTP API also accepts the bearer tokens of the OAuth 2 server (<see cref="OAuthServer"/>).</summary>
internal static class AuthenticationSchemes
{
    public const string Smart = "ptce";

    public static string Select(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? TokenPrincipal.ValidationScheme
            : IdentityConstants.ApplicationScheme;

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "ptce.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // The idle timeout (Sessions:IdleTimeout) also sets ExpireTimeSpan: ServiceRegistration.
        options.SlidingExpiration = true;
        options.LoginPath = "/Account/Login";
        options.LogoutPath = "/Account/Logout";
        options.AccessDeniedPath = "/Account/AccessDenied";

        // The API answers 401/403; only pages redirect to the login page.
        options.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);

        // Sessions are held on the server (SessionRegistry), which replaces Identity's periodic security-stamp check.
        options.Events.OnSigningIn = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionRegistry>();
            await sessions.End(context.HttpContext.User, context.HttpContext.RequestAborted).ConfigureAwait(false);
            var principal = context.Principal!;
            var session = await sessions.Start(Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!), context.HttpContext.RequestAborted).ConfigureAwait(false);
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionRegistry.ClaimType, session.ToString()));
        };
        options.Events.OnSigningOut = async context =>
        {
            var user = context.HttpContext.User;
            await context.HttpContext.RequestServices.GetRequiredService<SessionRegistry>().End(user, context.HttpContext.RequestAborted).ConfigureAwait(false);
            await context.HttpContext.RequestServices.GetRequiredService<SecurityEvents>().Record(SecurityEvent.SignOut, user).ConfigureAwait(false);
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!await context.HttpContext.RequestServices.GetRequiredService<SessionRegistry>().IsAlive(context.Principal!, browser: true, context.HttpContext.RequestAborted).ConfigureAwait(false))
            {
                // Not a sign-out (no event): the session ended on its own or with its account's stamp.
                context.RejectPrincipal();
                context.HttpContext.Response.Cookies.Delete(context.Options.Cookie.Name!);
            }
        };
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
