using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Web.Security;

/// <summary>
/// Administrators and finance officers act only in a session that signed in with a second factor
/// (<see cref="MultiFactor"/>). Until then a page sends them to the enrolment page (or the code step, if enrolled they
/// signed in some other way) and the API answers 403 <c>auth.mfa_required</c>; only the enrolment page, sign-out and
/// <c>GET /api/me</c> stay open to them.
/// </summary>
internal sealed class MultiFactorGate(RequestDelegate next)
{
    public const string EnrolmentPage = "/Account/Mfa";

    private static readonly string[] Open = [EnrolmentPage, "/Account/Logout", "/Account/AccessDenied", "/Error", "/api/me/antiforgery-token"];

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        // A partner system has no second factor: its secret, narrow scopes and funder stand in for it (docs/adr/0035).
        if (user.Identity?.IsAuthenticated != true || !MultiFactor.IsRequiredFor(user) || MultiFactor.IsSatisfiedBy(user) || IsOpen(context.Request) || PartnerClientGate.IsPartner(user))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (AuthenticationSchemes.IsApi(context.Request))
        {
            await TypedResults.Problem(
                    "Votre rôle exige la double authentification : activez-la sur la page « Double authentification », puis demandez un jeton avec le code de votre application (paramètre « mfa_code » de /connect/token).",
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Double authentification requise",
                    extensions: new Dictionary<string, object?> { ["code"] = "auth.mfa_required" })
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.Redirect(EnrolmentPage + "?ReturnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
    }

    private static bool IsOpen(HttpRequest request) =>
        Open.Any(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
        || (request.Path.Equals("/api/me", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsGet(request.Method));
}
