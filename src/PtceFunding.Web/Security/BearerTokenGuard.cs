using Microsoft.AspNetCore.Identity;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Security;

/// <summary>
/// A bearer token stops working when its account's security stamp changes (password reset, lockout…), at its next
/// request: the bearer handler has no hook for that, so the caller is treated as anonymous here, before authorization.
/// </summary>
internal sealed class BearerTokenGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SessionRegistry sessions)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && AuthenticationSchemes.Select(context) == IdentityConstants.BearerScheme
            && !await sessions.IsAlive(context.User, browser: false, context.RequestAborted).ConfigureAwait(false))
        {
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        }

        await next(context).ConfigureAwait(false);
    }
}
