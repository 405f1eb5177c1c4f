using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Api;

public sealed class AuditTrailTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_command_records_who_did_what_when_with_before_and_after()
    {
        app.Clock.Now = new DateTimeOffset(2027, 3, 1, 8, 30, 0, TimeSpan.Zero);
        var adminEmail = await app.AddUser(Roles.Administrator);
        var admin = await app.ClientFor(adminEmail);
        var funder = await app.AddFunder(FunderKind.Region, "11", "Région Île-de-France (audit)");

        var renamed = await admin.PutAsJsonAsync($"/api/funders/{funder.Id}/name", new { name = "Région Île-de-France", expectedVersion = 0 });
        renamed.EnsureSuccessStatusCode();

        var entry = await app.Db(db => db.AuditEntries.SingleAsync(a => a.Operation == "RenameFunder" && a.EntityId == funder.Id.ToString()));
        Assert.Equal(adminEmail, entry.ActorName);
        Assert.NotNull(entry.ActorId);
        Assert.Equal(new DateTime(2027, 3, 1, 8, 30, 0, DateTimeKind.Utc), entry.OccurredAt);
        Assert.Equal("Funder", entry.EntityType);
        Assert.Equal("Modified", entry.Change);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal("Région Île-de-France (audit)", changes.GetProperty("Name").GetProperty("before").GetString());
        Assert.Equal("Région Île-de-France", changes.GetProperty("Name").GetProperty("after").GetString());
        Assert.Equal(1, changes.GetProperty("Version").GetProperty("after").GetInt32());
        Assert.False(string.IsNullOrEmpty(entry.CorrelationId));
        Assert.Equal(renamed.Headers.GetValues("X-Correlation-Id").Single(), entry.CorrelationId);
    }

    [Fact]
    public async Task A_refused_command_leaves_no_audit_entry()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var before = await app.Db(db => db.AuditEntries.CountAsync());

        var refused = await admin.PutAsJsonAsync($"/api/funders/{Guid.NewGuid()}/name", new { name = "Personne", expectedVersion = 0 });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(before, await app.Db(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Secrets_never_reach_the_audit_trail()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder(FunderKind.StateRegionalOffice, "32");
        var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            email = "agent.hdf@test.ptce.fr",
            displayName = "Agent Hauts-de-France",
            role = Roles.ProgramOfficer,
            funderId = funder.Id.Value,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var entries = await app.Db(db => db.AuditEntries.Where(a => a.Operation == "CreateStaffUser").ToListAsync());
        Assert.Contains(entries, e => e.EntityType == "AppUser" && e.Change == "Added");
        Assert.All(entries, e => Assert.DoesNotContain("AQAAAA", e.Changes, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Changes.Contains("\"PasswordHash\":\"***\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_funder_administrator_reads_only_the_trail_of_their_funder_staff()
    {
        var bretagne = await app.AddFunder(FunderKind.Region, "53");
        var occitanie = await app.AddFunder(FunderKind.Region, "76");
        var platform = await app.ClientFor(Roles.Administrator, null);
        var bretagneAdmin = await app.ClientFor(Roles.Administrator, bretagne);
        var occitanieAdmin = await app.ClientFor(Roles.Administrator, occitanie);

        var created = await bretagneAdmin.PostAsJsonAsync("/api/admin/users", new
        {
            email = "instructeur.bretagne@test.ptce.fr",
            displayName = "Instructeur Bretagne",
            role = Roles.ProgramOfficer,
            funderId = bretagne.Id.Value,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var forBretagne = await bretagneAdmin.GetFromJsonAsync<JsonElement>("/api/admin/audit?operation=CreateStaffUser");
        var forOccitanie = await occitanieAdmin.GetFromJsonAsync<JsonElement>("/api/admin/audit?operation=CreateStaffUser");
        var forPlatform = await platform.GetFromJsonAsync<JsonElement>("/api/admin/audit?operation=CreateStaffUser");

        Assert.True(forBretagne.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(0, forOccitanie.GetProperty("total").GetInt32());
        Assert.True(forPlatform.GetProperty("total").GetInt32() >= forBretagne.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_funder_administrator_cannot_create_staff_for_another_funder()
    {
        var bretagne = await app.AddFunder(FunderKind.Region, "53");
        var occitanie = await app.AddFunder(FunderKind.Region, "76");
        var bretagneAdmin = await app.ClientFor(Roles.Administrator, bretagne);

        var response = await bretagneAdmin.PostAsJsonAsync("/api/admin/users", new
        {
            email = "intrus@test.ptce.fr",
            displayName = "Intrus",
            role = Roles.ProgramOfficer,
            funderId = occitanie.Id.Value,
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.Db(db => db.Users.AnyAsync(u => u.Email == "intrus@test.ptce.fr")));
    }
}
