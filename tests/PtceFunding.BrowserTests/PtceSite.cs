using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace PtceFunding.BrowserTests;

/// <summary>
/// The real application on Kestrel at 127.0.0.1 (a free port), on its embedded default: a fresh SQLite
/// file that the application itself migrates and seeds with the demo accounts at start-up, as it does
/// for a newcomer's <c>dotnet run</c>. Its e-mail goes to a real SMTP server (<see cref="Mail"/>),
/// delivered by its own scheduler every second.
/// </summary>
/// <remarks>
/// The demo accounts are shared by every browser test. <c>PasswordResetTests</c> changes the password
/// of <c>applicant@demo.ptce.fr</c>: other tests must not sign in as the applicant. <c>SigningInTests</c> turns on the
/// second factor of <c>porteur.bretagne@demo.ptce.fr</c> with a key of its own: other tests must not sign in as them.
/// </remarks>
public sealed class PtceSite : IAsyncLifetime, IDisposable
{
    /// <summary>The one password of every demo account (<c>DemoOptions.Password</c>).</summary>
    public const string DemoPassword = "Demo-Ptce-2026!";

    /// <summary>The authenticator key of the demo administrator and finance officers (<c>DemoOptions.AuthenticatorKey</c>).</summary>
    public const string DemoAuthenticatorKey = "PTCEDEMOKEYPTCEDEMOKEYPTCEDEMOKE";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ptce-browser-{Guid.NewGuid():N}.db");
    private readonly string _storagePath = Path.Combine(Path.GetTempPath(), $"ptce-browser-files-{Guid.NewGuid():N}");
    private readonly Application _application;
    private Uri? _root;

    public PtceSite() => _application = new Application(_databasePath, _storagePath, Mail.Port, () => Root);

    /// <summary>Where the site listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Root => _root ?? throw new InvalidOperationException("The site has not started yet.");

    /// <summary>The mailbox of every address the site writes to.</summary>
    public SmtpSink Mail { get; } = new();

    public Uri Url(string path) => new(Root, path);

    public async Task InitializeAsync()
    {
        await Mail.Start();
        _application.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _application.StartServer();
        var addresses = _application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        _root = new Uri(addresses.Addresses.Single());
    }

    public async Task DisposeAsync() => await Mail.DisposeAsync();

    public void Dispose()
    {
        _application.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-shm", _databasePath + "-wal" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(_storagePath))
        {
            Directory.Delete(_storagePath, recursive: true);
        }
    }

    private sealed class Application(string databasePath, string storagePath, int smtpPort, Func<Uri> root) : WebApplicationFactory<Program>
    {
        // UseSetting, not ConfigureAppConfiguration: the application reads its Database section while it
        // composes its services, and only host settings are visible that early.
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            // Every sign-in of the browser tests comes from one address.
            builder.UseSetting("RateLimits:AccountRequestsPerMinute", "100000");
            builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Storage:Path", storagePath);
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtpPort.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:Timeout", "00:00:05");
            builder.UseSetting("Jobs:Schedules:DeliverNotifications:Interval", "00:00:01");

            // The links in e-mails must lead to this site, whose port Kestrel picks when it starts, after
            // the configuration is read. The options are built when a command first asks for them (the
            // first e-mail), by which time the address is known.
            builder.ConfigureServices(services => services.PostConfigure<PtceFunding.Web.Hosting.PublicSiteOptions>(o => o.BaseUrl = root()));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<PtceSite>
{
    /// <summary>One site for every browser test; the tests of the collection run one after the other.</summary>
    public const string Name = "Browser";
}
