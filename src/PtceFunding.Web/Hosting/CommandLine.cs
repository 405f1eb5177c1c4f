using Microsoft.Extensions.Options;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Persistence;
using PtceFunding.Infrastructure.Seeding;

namespace PtceFunding.Web.Hosting;

/// <summary>
/// <c>PtceFunding.Web</c> serves the application; <c>PtceFunding.Web migrate</c> applies the database
/// migrations and exits; <c>PtceFunding.Web create-admin --email … --name …</c> creates the first
/// platform administrator (password from <c>PTCE_ADMIN_PASSWORD</c> or standard input).
/// </summary>
internal static partial class CommandLine
{
    public static bool IsMigrate(string[] args) => CommandOf(args) == "migrate";

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        var command = CommandOf(args);
        return command switch
        {
            "migrate" => await Migrate(app).ConfigureAwait(false),
            "create-admin" => await CreateAdministrator(app, args).ConfigureAwait(false),
            null => await Serve(app).ConfigureAwait(false),
            _ => Usage(app, command),
        };
    }

    /// <summary>The command, if any, comes first; options (--urls …) follow or stand alone.</summary>
    private static string? CommandOf(string[] args) => args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;

    private static async Task<int> Serve(WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.MigratesAtStartup)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await Migrator.Migrate(scope.ServiceProvider.GetRequiredService<PtceDbContext>()).ConfigureAwait(false);
            var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
            if (demo.Seed)
            {
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().Seed().ConfigureAwait(false);
                foreach (var account in DemoSeeder.Accounts)
                {
                    LogDemoAccount(app.Logger, account.Email, demo.Password, account.Description);
                }

                LogDemoAuthenticator(app.Logger, demo.AuthenticatorKey, MultiFactor.KeyUri("demo", demo.AuthenticatorKey));
            }
        }

        app.UsePtcePipeline();
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> Migrate(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applied = await Migrator.Migrate(scope.ServiceProvider.GetRequiredService<PtceDbContext>()).ConfigureAwait(false);
        var names = string.Join(", ", applied);
        LogMigrated(app.Logger, applied.Count, names);
        return 0;
    }

    private static async Task<int> CreateAdministrator(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? "Administrateur";
        var password = Environment.GetEnvironmentVariable("PTCE_ADMIN_PASSWORD") ?? await Console.In.ReadLineAsync().ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            LogCommandFailed(app.Logger, "create-admin", "usage: create-admin --email <address> [--name <name>], password in PTCE_ADMIN_PASSWORD or on standard input");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().Create(email, name, password).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            LogCommandFailed(app.Logger, "create-admin", string.Join(" ", created.Error.FieldErrors.Values.SelectMany(m => m).DefaultIfEmpty(created.Error.Message)));
            return 1;
        }

        LogAdministratorCreated(app.Logger, email);
        return 0;
    }

    private static int Usage(WebApplication app, string command)
    {
        LogCommandFailed(app.Logger, command, "unknown command; use no command (serve), 'migrate' or 'create-admin'");
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo account (demo only): {Email} / {Password} — {Description}")]
    private static partial void LogDemoAccount(ILogger logger, string email, string password, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo only: the administrator and finance accounts sign in with a second factor; add the key {Key} ({Uri}) to an authenticator application, or read the code with `oathtool --totp -b {Key}`")]
    private static partial void LogDemoAuthenticator(ILogger logger, string key, string uri);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} migration(s) applied {Migrations}")]
    private static partial void LogMigrated(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform administrator {Email} created")]
    private static partial void LogAdministratorCreated(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Command}: {Reason}")]
    private static partial void LogCommandFailed(ILogger logger, string command, string reason);
}
