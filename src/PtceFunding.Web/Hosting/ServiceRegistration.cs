using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using PtceFunding.Application;
using PtceFunding.Application.Abstractions;
using PtceFunding.Infrastructure;
using PtceFunding.Web.Api;

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
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        // No Server header: the software and its version are nobody's business.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // HTTP is redirected (308) to this port of the same host, the reverse proxy's HTTPS port; HSTS for a year.
        services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = builder.Configuration.GetValue("Https:Port", 443);
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Outside a request (background jobs) the actor is the platform itself.
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is null
            ? SystemUser.Instance
            : ActivatorUtilities.CreateInstance<HttpCurrentUser>(sp));
        services.AddApplication();
        services.AddPublicSite();
        services.AddInfrastructure(builder.Configuration);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthenticationSchemes.Smart;
                o.DefaultChallengeScheme = AuthenticationSchemes.Smart;
            })
            .AddPolicyScheme(AuthenticationSchemes.Smart, "Cookie ou jeton", o => o.ForwardDefaultSelector = AuthenticationSchemes.Select)
            .AddIdentityCookies(o => o.ApplicationCookie!.Configure(AuthenticationSchemes.ConfigureCookie));
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<Infrastructure.Identity.SessionSettings>>((o, sessions) => o.ExpireTimeSpan = sessions.Value.IdleTimeout);
        services.AddPtceOAuthServer(builder.Configuration, builder.Environment);
        services.AddAuthorizationBuilder().AddPtcePolicies();
        services.AddPtceRateLimits(builder.Configuration);

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", Policies.Authenticated);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
            o.Conventions.AuthorizePage("/Admin/Jobs", Policies.PlatformAdministrator);
            o.Conventions.AuthorizePage("/Admin/Clients", Policies.PlatformAdministrator);
            o.Conventions.AuthorizeFolder("/Organisations", Policies.Applicant);
            o.Conventions.AuthorizeFolder("/Instruction", Policies.ProgramOfficer);
            o.Conventions.AuthorizeFolder("/Expertise", Policies.Reviewer);
            o.Conventions.AuthorizeFolder("/Portail", Policies.Applicant);
            o.Conventions.AuthorizeFolder("/Comite", Policies.CommitteeMember);
            // Finance pages: the folder is for finance staff and administrators (the dashboard, FinanceReaders); pages that
            // move money or approve bank details are for finance staff only (folder and page policies both apply).
            o.Conventions.AuthorizeFolder("/Finances", Policies.FinanceReaders);
            o.Conventions.AuthorizePage("/Finances/CoordonneesBancaires", Policies.FinanceOfficer);
            o.Conventions.AuthorizePage("/Finances/Convention", Policies.FinanceOfficer);
            o.Conventions.AuthorizePage("/Finances/Echeances", Policies.FinanceOfficer);
            o.Conventions.AuthorizePage("/Conventions/Avenant", Policies.ProgramOfficer);
            o.Conventions.AuthorizePage("/Conventions/Resiliation", Policies.ProgramOfficer);
            o.Conventions.AuthorizeFolder("/Conventions", Policies.AgreementReaders);
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Error");
            // The open calls are published for everyone: applicants read them before they have an account.
            o.Conventions.AllowAnonymousToPage("/Appels");
            // The grants above €23,000 are published for everyone (décret 2017-779): the page explains the downloads.
            o.Conventions.AllowAnonymousToPage("/DonneesOuvertes");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            // Applicants open their own accounts; the answer never reveals whether an address has one.
            o.Conventions.AllowAnonymousToPage("/Account/Register");
            // Reached from an e-mail, by someone who cannot (or need not) sign in: the token is the credential.
            o.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
            o.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
            o.Conventions.AllowAnonymousToPage("/Account/ConfirmEmail");
        }).AddMvcOptions(FrenchModelBinding.Configure);
        // French pages: accented letters are written as such, not as HTML entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ptce.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = ApiAntiforgery.HeaderName;
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Unreadable input reaches the problem-details handler, which names the faulty field, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<Problems.ExceptionHandler>();
        services.AddApiDocument();
        // X-Forwarded-* are honoured from loopback and from the networks listed in ReverseProxy:KnownNetworks only.
        var proxyNetworks = builder.Configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in proxyNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }
}
