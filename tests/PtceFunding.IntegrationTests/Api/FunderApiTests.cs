using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Api;

public sealed class FunderApiTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task Bad_input_gets_a_400_problem_with_field_errors_and_writes_nothing()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var (funders, audit) = await Counts();

        var response = await admin.PostAsJsonAsync("/api/funders", new { id = Guid.Empty, name = "", kind = "Region", regionCode = "53" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.Equal("Le nom est obligatoire.", problem.GetProperty("errors").GetProperty("Name")[0].GetString());
        Assert.Equal("L'identifiant est obligatoire.", problem.GetProperty("errors").GetProperty("Id")[0].GetString());
        Assert.Equal((funders, audit), await Counts());
    }

    [Fact]
    public async Task Unreadable_json_gets_a_400_problem_naming_the_field()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);

        var response = await admin.PostAsJsonAsync("/api/funders", new { id = Guid.NewGuid(), name = "Région X", kind = "Planet", regionCode = "53" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("request.unreadable", problem.GetProperty("code").GetString());
        Assert.Contains("kind", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_rule_gets_a_422_problem_and_writes_nothing()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var before = await Counts();

        var response = await admin.PostAsJsonAsync("/api/funders", new { id = Guid.NewGuid(), name = "Région sans région", kind = "Region" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("funder.region_required", problem.GetProperty("code").GetString());
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Creating_a_funder_twice_with_the_same_id_creates_it_once()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var id = Guid.NewGuid();
        var body = new { id, name = $"Région Normandie {id:N}", kind = "Region", regionCode = "28" };

        var first = await admin.PostAsJsonAsync("/api/funders", body);
        var second = await admin.PostAsJsonAsync("/api/funders", body);
        var different = await admin.PostAsJsonAsync("/api/funders", body with { name = "Autre nom" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        Assert.Equal(1, await app.Db(db => db.Funders.CountAsync(f => f.Id == new FunderId(id))));
        Assert.Equal(1, await app.Db(db => db.AuditEntries.CountAsync(a => a.Operation == "CreateFunder" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Renaming_from_a_stale_version_is_refused_with_409()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder(FunderKind.Region, "53");

        var first = await admin.PutAsJsonAsync($"/api/funders/{funder.Id}/name", new { name = "Région Bretagne (1)", expectedVersion = 0 });
        var stale = await admin.PutAsJsonAsync($"/api/funders/{funder.Id}/name", new { name = "Région Bretagne (2)", expectedVersion = 0 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("Région Bretagne (1)", await app.Db(db => db.Funders.Where(f => f.Id == funder.Id).Select(f => f.Name).SingleAsync()));
    }

    [Fact]
    public async Task Concurrent_renames_from_the_same_version_let_exactly_one_win()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder(FunderKind.Region, "52");

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            admin.PutAsJsonAsync($"/api/funders/{funder.Id}/name", new { name = $"Région Pays de la Loire {i}", expectedVersion = 0 })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await app.Db(db => db.Funders.Where(f => f.Id == funder.Id).Select(f => f.Version).SingleAsync()));
    }

    [Fact]
    public async Task Concurrent_registrations_of_the_same_name_create_one_funder_and_answer_409_to_the_others()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var name = $"Région concurrente {Guid.NewGuid():N}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            admin.PostAsJsonAsync("/api/funders", new { id = Guid.NewGuid(), name, kind = "Region", regionCode = "44" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await app.Db(db => db.Funders.CountAsync(f => f.Name == name)));
    }

    [Fact]
    public async Task A_funder_administrator_cannot_register_funders()
    {
        var funder = await app.AddFunder(FunderKind.Region, "76");
        var funderAdmin = await app.ClientFor(Roles.Administrator, funder);

        var response = await funderAdmin.PostAsJsonAsync("/api/funders", new { id = Guid.NewGuid(), name = "Région Occitanie bis", kind = "Region", regionCode = "76" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Funders_are_listed_by_name_and_filtered_by_kind()
    {
        var officer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84", "AAA DREETS test"));
        await app.AddFunder(FunderKind.Region, "94", "AAA Collectivité de Corse test");

        var regions = await officer.GetFromJsonAsync<JsonElement>("/api/funders?kind=Region");
        var all = await officer.GetFromJsonAsync<JsonElement>("/api/funders");

        Assert.All(regions.EnumerateArray(), f => Assert.Equal("Region", f.GetProperty("kind").GetString()));
        Assert.Contains(regions.EnumerateArray(), f => f.GetProperty("regionName").GetString() == "Corse");
        var names = all.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    private Task<(int Funders, int Audit)> Counts() =>
        app.Db(async db => (await db.Funders.CountAsync(), await db.AuditEntries.CountAsync()));
}
