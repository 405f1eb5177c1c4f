using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Domain.Users;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>
/// Nobody learns whether an address has an account by signing in with a wrong password (the same answer, in the same
/// time, for an unknown address, a confirmed account, an unconfirmed one and a locked one) nor by registering it.
/// </summary>
public sealed class AccountEnumerationTests(AccountEnumerationTests.App app, ITestOutputHelper output) : IClassFixture<AccountEnumerationTests.App>
{
    /// <summary>Lockout far away, for the timing measure only (rate limits are already high in tests).</summary>
    public sealed class App : PtceApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<IdentityOptions>(o => o.Lockout.MaxFailedAccessAttempts = 10_000));
        }
    }

    private const string WrongPassword = "Mauvais-mot-de-passe-1!";

    [Fact]
    public async Task A_wrong_password_gets_one_answer_whether_the_address_is_unknown_or_its_account_confirmed_unconfirmed_or_locked()
    {
        var client = app.CreateClient();
        var confirmed = await app.AddUser(Roles.ProgramOfficer);
        var unconfirmed = await app.AddUser(Roles.Applicant);
        var locked = await app.AddUser(Roles.Applicant);
        await app.Db(db => db.Users.Where(u => u.Email == unconfirmed).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false)));
        await app.Db(db => db.Users.Where(u => u.Email == locked).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15))));

        var answers = new List<string>();
        foreach (var email in new[] { $"personne.{Guid.NewGuid():N}@test.ptce.fr", confirmed, unconfirmed, locked })
        {
            using var response = await client.PostToken(new { email, password = WrongPassword });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            answers.Add($"{(int)response.StatusCode} {problem.GetProperty("error")} {problem.GetProperty("error_code")} {problem.GetProperty("error_description")}");
        }

        Assert.Equal("400 invalid_grant auth.invalid_credentials Adresse électronique ou mot de passe incorrect.", Assert.Single(answers.Distinct()));
        using var rightButUnconfirmed = await client.PostToken(new { email = unconfirmed, password = PtceApp.Password });
        using var rightButLocked = await client.PostToken(new { email = locked, password = PtceApp.Password });
        Assert.Equal("auth.email_unconfirmed", await TokenRequests.ErrorCode(rightButUnconfirmed));
        Assert.Equal("auth.locked_out", await TokenRequests.ErrorCode(rightButLocked));
    }

    [Fact]
    public async Task The_attempt_that_locks_an_account_answers_like_any_wrong_password()
    {
        var client = app.CreateClient();
        var email = await app.AddUser(Roles.Applicant);
        await app.Db(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, 9_999)));

        using var locking = await client.PostToken(new { email, password = WrongPassword });

        Assert.Equal(HttpStatusCode.BadRequest, locking.StatusCode);
        Assert.Equal("auth.invalid_credentials", await TokenRequests.ErrorCode(locking));
        Assert.NotNull(await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_takes_as_long_for_an_unknown_address_as_for_a_known_one()
    {
        var client = app.CreateClient();
        var known = await app.AddUser(Roles.FinanceOfficer);
        await Attempt(client, known); // warm-up: the first hash, the decoy's included, pays for JIT and caches
        await Attempt(client, $"inconnu.{Guid.NewGuid():N}@test.ptce.fr");

        // Interleaved, so that whatever else the machine does weighs on both series alike.
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            knownTimes.Add(await Attempt(client, known));
            unknownTimes.Add(await Attempt(client, $"inconnu.{i}.{Guid.NewGuid():N}@test.ptce.fr"));
        }

        var (knownMedian, unknownMedian) = (Median(knownTimes), Median(unknownTimes));
        output.WriteLine($"median over 50 sign-ins with a wrong password: known address {knownMedian:F1} ms, unknown address {unknownMedian:F1} ms");
        Assert.InRange(Math.Abs(knownMedian - unknownMedian), 0, Math.Max(5, 0.2 * Math.Max(knownMedian, unknownMedian)));
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_takes_as_long_as_registering_a_new_one()
    {
        var client = app.CreateClient();
        var known = await app.AddUser(Roles.Applicant);
        await Register(client, known);
        await Register(client, $"nouveau.{Guid.NewGuid():N}@test.ptce.fr");

        var knownTimes = new List<double>();
        var newTimes = new List<double>();
        var start = app.Clock.Now;
        for (var i = 0; i < 30; i++)
        {
            app.Clock.Now = start.AddMinutes(i + 1); // one e-mail per account and minute: each try writes one
            knownTimes.Add(await Register(client, known));
            newTimes.Add(await Register(client, $"nouveau.{i}.{Guid.NewGuid():N}@test.ptce.fr"));
        }

        app.Clock.Now = start;

        var (knownMedian, newMedian) = (Median(knownTimes), Median(newTimes));
        output.WriteLine($"median over 30 registrations: address with an account {knownMedian:F1} ms, new address {newMedian:F1} ms");
        Assert.InRange(Math.Abs(knownMedian - newMedian), 0, Math.Max(5, 0.2 * Math.Max(knownMedian, newMedian)));
    }

    private static async Task<double> Register(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/api/account/register", new { email, displayName = "Camille Durand", password = "Trois Chats Gris Au Soleil", acceptsTerms = true });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> Attempt(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.PostToken(new { email, password = WrongPassword });
        watch.Stop();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
