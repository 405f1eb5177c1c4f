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
/// for a newcomer's <c>dotnet run</c>.
/// </summary>
public sealed class PtceSite : IDisposable
{
    /// <summary>The one password of every demo account (<c>DemoOptions.Password</c>).</summary>
    public const string DemoPassword = "Demo-Ptce-2026!";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ptce-browser-{Guid.NewGuid():N}.db");
    private readonly Application _application;

    public PtceSite()
    {
        _application = new Application(_databasePath);
        _application.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _application.StartServer();
        var addresses = _application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        Root = new Uri(addresses.Addresses.Single());
    }

    /// <summary>Where the site listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Root { get; }

    public Uri Url(string path) => new(Root, path);

    public void Dispose()
    {
        _application.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-shm", _databasePath + "-wal" })
        {
            File.Delete(file);
        }
    }

    private sealed class Application(string databasePath) : WebApplicationFactory<Program>
    {
        // UseSetting, not ConfigureAppConfiguration: the application reads its Database section while it
        // composes its services, and only host settings are visible that early.
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");
            builder.UseSetting("Demo:Seed", "true");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<PtceSite>
{
    /// <summary>One site for every browser test; the tests of the collection run one after the other.</summary>
    public const string Name = "Browser";
}
