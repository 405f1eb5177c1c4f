using OpenIddict.Abstractions;
using PtceFunding.Application.Users;

namespace PtceFunding.Web.Security;

/// <summary>An API operation open to partner clients holding <see cref="Scope"/> (docs/adr/0035).</summary>
internal sealed record PartnerScopeMetadata(string Scope);

/// <summary>
/// Partner clients reach only the operations marked for one of their token's scopes (<see cref="PartnerEndpoints.ForPartners"/>); every
/// other one answers 403 <c>auth.scope_missing</c> before it runs, whatever roles the token implies. Which resources
/// they see is then decided as for a person of their funder, by the use case.
/// </summary>
internal sealed class PartnerClientGate(RequestDelegate next)
{
    public static bool IsPartner(System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(c => c.Type == PtceClaims.PartnerClient);

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (context.User.Identity?.IsAuthenticated != true || !IsPartner(context.User)
            || endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null // public: the token adds nothing
            || (endpoint?.Metadata.GetMetadata<PartnerScopeMetadata>() is { } required && context.User.HasScope(required.Scope)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await TypedResults.Problem(
                "Les autorisations de ce client ne couvrent pas cette opération.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Autorisation manquante",
                extensions: new Dictionary<string, object?> { ["code"] = "auth.scope_missing" })
            .ExecuteAsync(context).ConfigureAwait(false);
    }
}

internal static class PartnerEndpoints
{
    /// <summary>Opens the operation to partner clients whose token holds <paramref name="scope"/> (it still needs its policy).</summary>
    public static TBuilder ForPartners<TBuilder>(this TBuilder builder, PartnerScopes scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PartnerScopeMetadata(PartnerScope.NamesOf(scope).Single()));
}
