using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Pipeline;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;
using IResult = Microsoft.AspNetCore.Http.IResult;

namespace PtceFunding.Web.Security;

/// <summary>The <c>Tokens</c> configuration section of the OAuth 2 server.</summary>
public sealed class TokenSettings
{
    public const string Section = "Tokens";

    /// <summary>How long an access token lives; it is also revoked at once by the revocation endpoint and by any change of its account's security stamp.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a refresh token lives (each use replaces it); the absolute lifetime of a browser session by default.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The resource-owner password grant, for the test suite and development only: refused at start-up in production.</summary>
    public bool PasswordGrant { get; set; }
}

/// <summary>
/// The OAuth 2 server inside the application (OpenIddict, docs/adr/0033): <c>/connect/token</c>, <c>/connect/authorize</c>
/// (authorization code with PKCE, for the platform's tools acting as the signed-in person), <c>/connect/revoke</c>,
/// <c>/connect/introspect</c> and the discovery document. Access and refresh tokens are reference tokens: the bearer holds
/// a random identifier whose entry in the database says whether it is still valid, so revoking it takes effect at the next
/// request. Tokens are protected with the application's Data Protection keys, shared by every node (docs/adr/0013).
/// </summary>
internal static class OAuthServer
{
    public const string ToolsClient = "ptce-outils";

    /// <summary>The token request's parameters for the second factor (the password grant).</summary>
    public const string CodeParameter = "mfa_code";

    public const string RecoveryCodeParameter = "recovery_code";

    /// <summary>The platform's own error code beside OAuth's <c>error</c>, as the API's ProblemDetails carry it.</summary>
    public const string ErrorCodeParameter = "error_code";

    public static IServiceCollection AddPtceOAuthServer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
        if (settings.PasswordGrant && environment.IsProduction())
        {
            throw new InvalidOperationException("Tokens:PasswordGrant is for tests and development: it is never enabled in production (docs/adr/0033).");
        }

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<PtceDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("/connect/token")
                    .SetAuthorizationEndpointUris("/connect/authorize")
                    .SetRevocationEndpointUris("/connect/revoke")
                    .SetIntrospectionEndpointUris("/connect/introspect");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                if (settings.PasswordGrant)
                {
                    o.AllowPasswordFlow();
                }

                o.RegisterScopes([TokenPrincipal.ApiScope, Scopes.OfflineAccess, .. PartnerScope.All.Select(s => s.Name)]);
                o.SetAccessTokenLifetime(settings.AccessTokenLifetime).SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                o.UseReferenceAccessTokens().UseReferenceRefreshTokens();
                o.UseDataProtection();
                // No identity token is issued (no openid scope): the keys only sign what Data Protection does not cover.
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                var aspNetCore = o.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough();
                if (environment.IsDevelopment())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseDataProtection();
                o.EnableTokenEntryValidation();
                o.UseAspNetCore();
            });
        return services;
    }

    public static IEndpointRouteBuilder MapOAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueTokens).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/authorize", ["GET", "POST"], Authorize).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The authorization endpoint: the person signed in to the pages (second factor included where their role requires it) grants the platform's tools a code.</summary>
    private static async Task<IResult> Authorize(HttpContext context, UserManager<AppUser> users, TokenPrincipal tokens)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be read.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || await users.GetUserAsync(cookie.Principal) is not { } user)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(context.Request.HasFormContentType ? context.Request.Form : context.Request.Query) }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await tokens.For(user, cookie.Principal.Claims, request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// The token endpoint: the password grant (where enabled) signs in as the pages do, second factor included; a code or
    /// a refresh token gives new tokens only while the account may still sign in and its security stamp is unchanged.
    /// </summary>
    private static async Task<IResult> IssueTokens(
        HttpContext context, SignInManager<AppUser> signIn, UserManager<AppUser> users, TokenPrincipal tokens, PartnerTokens partners, OperationContext operation)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be read.");
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has checked the client's secret and that it may ask for these scopes.
            return await partners.For(request.ClientId!, request.GetScopes(), context.RequestAborted) is { } partner
                ? Results.SignIn(partner, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Refuse(new SignInAnswer("auth.client_revoked", "Client révoqué", "Ce client est révoqué : il n'obtient plus de jeton."), Errors.InvalidClient);
        }

        if (request.IsPasswordGrantType())
        {
            if (!InputContract.IsAcceptableText(request.Username, 256) || !InputContract.IsAcceptableText(request.Password, 256)
                || !InputContract.IsAcceptableText((string?)request[CodeParameter], 16) || !InputContract.IsAcceptableText((string?)request[RecoveryCodeParameter], 32))
            {
                return Refuse(new SignInAnswer("validation", "Requête invalide", "L'adresse électronique, le mot de passe ou le code contient des caractères non acceptés, ou est trop long."), Errors.InvalidRequest);
            }

            operation.Name = "SignIn";
            signIn.AuthenticationScheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;
            var outcome = await signIn.PasswordSignInAsync(request.Username ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            var secondStep = outcome.RequiresTwoFactor;
            if (secondStep)
            {
                var code = (string?)request[CodeParameter];
                var recoveryCode = (string?)request[RecoveryCodeParameter];
                if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(recoveryCode))
                {
                    return Refuse(new SignInAnswer("auth.mfa_code_required", "Code de vérification requis", $"Ce compte utilise la double authentification : joignez le code à 6 chiffres de votre application d'authentification (paramètre « {CodeParameter} ») ou un code de secours (« {RecoveryCodeParameter} »)."));
                }

                outcome = string.IsNullOrWhiteSpace(code)
                    ? await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode!.Replace(" ", "", StringComparison.Ordinal))
                    : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
            }

            // On success Identity has signed in to the OAuth server, which writes the token response.
            return outcome.Succeeded ? Results.Empty : Refuse(SignInAnswer.For(outcome, afterPassword: secondStep));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = granted?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (granted is null || user is null || !await signIn.CanSignInAsync(user)
                || granted.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
            {
                return Refuse(new SignInAnswer("auth.token_revoked", "Autorisation révoquée", "Cette autorisation n'est plus valable (mot de passe changé, compte verrouillé ou désactivé) : connectez-vous de nouveau."));
            }

            return Results.SignIn(await tokens.For(user, granted.Claims, granted.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(new SignInAnswer("auth.grant_unsupported", "Type d'autorisation non pris en charge", "Ce type d'autorisation n'est pas pris en charge."), Errors.UnsupportedGrantType);
    }

    private static IResult Refuse(SignInAnswer answer, string error = Errors.InvalidGrant) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = answer.Message,
            })
            {
                Parameters = { [ErrorCodeParameter] = new OpenIddictParameter(answer.Code) },
            },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
