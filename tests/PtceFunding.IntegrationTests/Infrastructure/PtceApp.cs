using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Notifications;
using PtceFunding.Domain.Funders;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.IntegrationTests.Infrastructure;

/// <summary>
/// The real application over HTTP, on its own PostgreSQL database copied from the migrated
/// template, with a clock the test controls. One per test class.
/// </summary>
public class PtceApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Ptce-2026!";

    /// <summary>The authenticator key of every account whose role requires two-factor authentication (administrators, finance officers).</summary>
    public const string AuthenticatorKey = "PTCETESTKEYPTCETESTKEYPTCETESTKE";

    /// <summary>Clients speak HTTPS, as behind the production proxy: plain HTTP is redirected outside Development.</summary>
    public PtceApp() => ClientOptions.BaseAddress = new Uri("https://localhost");

    public string ConnectionString { get; private set; } = "";

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The SMTP server this application's e-mail goes to.</summary>
    public SmtpSink Mail { get; } = new();

    /// <summary>The root of this application's file store, a temporary directory removed with the application.</summary>
    public string StoragePath { get; } = Directory.CreateTempSubdirectory("ptce-files-").FullName;

    public async Task InitializeAsync()
    {
        ConnectionString = await (await PostgresServer.Instance).CreateDatabase(Migrated);
        await Mail.Start();
    }

    /// <summary>False for an application started on an empty database that nobody migrated.</summary>
    protected virtual bool Migrated => true;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Mail.DisposeAsync();
        await DisposeAsync();
        Directory.Delete(StoragePath, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Timeout", "00:00:05");
        builder.UseSetting("PublicSite:BaseUrl", "https://ptce.test/");
        builder.UseSetting("Storage:Path", StoragePath);
        // Every request of a test comes from one address; RateLimitTests set the limits low.
        builder.UseSetting("RateLimits:AccountRequestsPerMinute", "100000");
        builder.UseSetting("RateLimits:UploadsPerMinute", "100000");
        // The password grant gives the tests their tokens (never enabled in production: docs/adr/0033).
        builder.UseSetting("Tokens:PasswordGrant", "true");
        // Tests move the clock by minutes between a client's sign-in and its calls: their tokens live an hour
        // (OAuthServerTests checks the 10-minute default).
        builder.UseSetting("Tokens:AccessTokenLifetime", "01:00:00");

        // Tests deliver the outbox themselves (DeliverNotifications) so that counts are exact; the
        // scheduler itself is proven by the cluster test.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Drains the outbox once, as the delivery job does (the platform itself is the actor).</summary>
    public async Task<DeliveryFigures> DeliverNotifications()
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeliverNotifications());
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    /// <summary>Runs <paramref name="work"/> with the application's own database context.</summary>
    public async Task<T> Db<T>(Func<PtceDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PtceDbContext>());
    }

    public async Task<Funder> AddFunder(FunderKind kind = FunderKind.StateRegionalOffice, string? region = "84", string? name = null)
    {
        var funder = Funder.Create(FunderId.New(), name ?? $"Financeur {Guid.NewGuid():N}", kind, kind == FunderKind.StateNational ? null : region).Value;
        await Db(async db =>
        {
            db.Funders.Add(funder);
            return await db.SaveChangesAsync();
        });
        return funder;
    }

    /// <summary>
    /// Creates an account (staff when a funder is given) and answers its e-mail address. An administrator or a finance
    /// officer is enrolled in two-factor authentication with <see cref="AuthenticatorKey"/> unless <paramref name="enrolled"/> is false.
    /// </summary>
    public async Task<string> AddUser(string role, Funder? funder = null, string? email = null, bool enrolled = true)
    {
        email ??= $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@test.ptce.fr";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = AppUser.New(email, role, funder?.Id, Clock.GetUtcNow());
        Ensure(await users.CreateAsync(user, Password));
        Ensure(await users.AddToRoleAsync(user, role));
        if (enrolled && MultiFactor.IsRequiredFor([role]))
        {
            await MultiFactor.SetKey(users, scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>(), user, AuthenticatorKey);
            Ensure(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return email;
    }

    /// <summary>
    /// The code the authenticator application of <paramref name="email"/> (holding <paramref name="key"/>) shows now (on the test clock). Each code is
    /// accepted once: the step last used is forgotten first, as if the next one had come.
    /// </summary>
    public async Task<string> AuthenticatorCode(string email, string key = AuthenticatorKey)
    {
        await Db(db => db.Database.ExecuteSqlAsync($@"DELETE FROM ""AspNetUserTokens"" WHERE ""LoginProvider"" = {OneTimeAuthenticatorCodes.Name} AND ""UserId"" IN (SELECT ""Id"" FROM ""AspNetUsers"" WHERE ""NormalizedEmail"" = {email.ToUpperInvariant()})"));
        return MultiFactor.CodeAt(key, Clock.GetUtcNow());
    }

    /// <summary>An HTTP client carrying a bearer token of the OAuth 2 server (<see cref="TokenRequests"/>).</summary>
    public Task<HttpClient> ClientFor(string email) => ClientSignedInWith(email, Password);

    /// <summary>An HTTP client carrying a bearer token obtained with <paramref name="password"/> (and the authenticator code, for accounts that use one).</summary>
    public async Task<HttpClient> ClientSignedInWith(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostToken(new { email, password, code = await AuthenticatorCode(email) });
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"No token for {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var token = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    public async Task<HttpClient> ClientFor(string role, Funder? funder) => await ClientFor(await AddUser(role, funder));

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        }
    }

}

/// <summary>A clock the test sets; the application reads time only through it.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
