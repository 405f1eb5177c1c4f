using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using PtceFunding.Application;
using PtceFunding.Application.Abstractions;
using PtceFunding.Infrastructure;
using PtceFunding.Web.Api;
using PtceFunding.Web.Security;

namespace PtceFunding.Web.Hosting;

/// <summary>Composition of the web application's services.</summary>
internal static class ServiceRegistration
{
    public static WebApplicationBuilder AddPtceServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders().AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddApplication();
        services.AddInfrastructure(builder.Configuration);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthenticationSchemes.Smart;
                o.DefaultChallengeScheme = AuthenticationSchemes.Smart;
            })
            .AddPolicyScheme(AuthenticationSchemes.Smart, "Cookie ou jeton", o => o.ForwardDefaultSelector = AuthenticationSchemes.Select)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies(o => o.ApplicationCookie!.Configure(AuthenticationSchemes.ConfigureCookie));
        services.AddAuthorizationBuilder().AddPtcePolicies();

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", Policies.Authenticated);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AuthorizePage("/Account/Logout", Policies.Authenticated);
        });
        services.AddAntiforgery(o => o.Cookie.Name = "ptce.antiforgery");
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<Problems.ExceptionHandler>();
        services.AddOpenApi();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }
}
