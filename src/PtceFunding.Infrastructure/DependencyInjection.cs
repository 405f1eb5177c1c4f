using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PtceFunding.Infrastructure.Email;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Jobs;
using PtceFunding.Infrastructure.Persistence;
using PtceFunding.Infrastructure.Security;
using PtceFunding.Infrastructure.Seeding;
using PtceFunding.Infrastructure.Storage;

namespace PtceFunding.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Persistence on the configured provider, Identity stores, the unit of work, the file store and the demo seeder.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when first needed, not now, so that hosts and tests can override the configuration late.
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        services.AddDbContext<PtceDbContext>((sp, options) => options.UseConfiguredProvider(sp.GetRequiredService<DatabaseOptions>()));
        services.AddScoped<IPtceDbContext>(sp => sp.GetRequiredService<PtceDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<INotificationClaimer, NotificationClaimer>();
        services.AddScoped<INotificationBulkWriter, NotificationBulkWriter>();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddScoped<IEmailSender, SmtpEmailSender>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<IFileStore, FileSystemFileStore>();
        services.AddScheduling(configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions());
        services.AddScoped<DemoSeeder>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]).AddCheck<JobStorageReadyCheck>("jobs", tags: ["ready"]);
        services.AddScoped<FirstAdministrator>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));

        services.AddDataProtection().SetApplicationName("PtceFunding");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseXmlRepository(scopes));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Applicants register themselves and confirm their address before they sign in; staff,
                // administrators and demo accounts are created confirmed (AppUser.New).
                options.SignIn.RequireConfirmedEmail = true;
                // Authenticator codes on the platform's clock, each accepted once (MultiFactor).
                options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorCodes.Name;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PtceDbContext>()
            .AddSignInManager<DiscreetSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(OneTimeAuthenticatorCodes.Name)
            .AddClaimsPrincipalFactory<PtceClaimsPrincipalFactory>();
        // PasswordPolicy replaces Identity's composition rules (ASVS V2.1.9): length, common and personal passwords only.
        services.Replace(ServiceDescriptor.Scoped<IPasswordValidator<AppUser>, PasswordPolicy>());
        services.AddScoped<Application.Abstractions.IUserDirectory, UserDirectory>();
        services.AddOptions<SessionSettings>().Bind(configuration.GetSection(SessionSettings.Section));
        services.AddScoped<SessionRegistry>();
        services.AddScoped<SecurityEvents>();
        services.AddScoped<TokenPrincipal>();
        services.AddScoped<PartnerTokens>();
        services.AddScoped<Application.Abstractions.ITokenStore, TokenStore>();
        services.AddScoped<Application.Abstractions.IPartnerCredentials, PartnerCredentials>();
        services.AddSingleton<Application.Abstractions.ISecretBox, Security.DataProtectionSecretBox>();
        return services;
    }
}
