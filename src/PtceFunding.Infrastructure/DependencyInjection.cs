using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Users;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Persistence;
using PtceFunding.Infrastructure.Seeding;

namespace PtceFunding.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Persistence on the configured provider, Identity stores, the unit of work and the demo seeder.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(database);
        services.AddDbContext<PtceDbContext>(options => options.UseConfiguredProvider(database));
        services.AddScoped<IPtceDbContext>(sp => sp.GetRequiredService<PtceDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<DemoSeeder>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddScoped<FirstAdministrator>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PtceDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PtceClaimsPrincipalFactory>();
        return services;
    }
}
