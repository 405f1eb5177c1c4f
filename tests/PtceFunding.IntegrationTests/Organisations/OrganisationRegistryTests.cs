using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Organisations;

public sealed class OrganisationRegistryTests(PtceApp app) : IClassFixture<PtceApp>
{
    private static object Body(string? siret, string? rna = null, string legalForm = "Scic", string commune = "69382") => new
    {
        name = "Coopérative des Monts du Lyonnais",
        siret,
        rna,
        legalForm,
        isEss = true,
        street = "12 rue de la République",
        postalCode = "69002",
        city = "Lyon",
        communeCode = commune,
    };

    [Fact]
    public async Task An_invalid_siret_is_refused_with_a_precise_message_and_nothing_is_written()
    {
        var applicant = await app.ClientFor(Roles.Applicant, null);
        var before = await app.Db(db => db.Organisations.CountAsync());

        var response = await applicant.PostAsJsonAsync("/api/organisations", Body("73282932000075"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("clé de contrôle", problem.GetProperty("errors").GetProperty("Siret")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Db(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task An_invalid_rna_is_refused()
    {
        var applicant = await app.ClientFor(Roles.Applicant, null);

        var response = await applicant.PostAsJsonAsync("/api/organisations", Body(null, "W12345", "Association"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("W suivi de 9 chiffres", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Rna")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_siret_is_one_organisation_located_in_its_region()
    {
        var applicant = await app.ClientFor(Roles.Applicant, null);

        var first = await applicant.PostAsJsonAsync("/api/organisations", Body("51203456700010"));
        var again = await applicant.PostAsJsonAsync("/api/organisations", Body("512 034 567 00010"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(1, await app.Db(db => db.Organisations.CountAsync(o => o.Siret == "51203456700010")));

        var found = await applicant.GetFromJsonAsync<JsonElement>("/api/organisations/by-identifier/51203456700010");
        Assert.Equal("84", found.GetProperty("regionCode").GetString());
        Assert.Equal("Auvergne-Rhône-Alpes", found.GetProperty("regionName").GetString());
        Assert.Equal("Scic", found.GetProperty("legalForm").GetString());
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_siret_create_one_organisation()
    {
        var applicant = await app.ClientFor(Roles.Applicant, null);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => applicant.PostAsJsonAsync("/api/organisations", Body("80123456700015"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(1, await app.Db(db => db.Organisations.CountAsync(o => o.Siret == "80123456700015")));
    }

    [Fact]
    public async Task An_unknown_identifier_is_not_found()
    {
        var applicant = await app.ClientFor(Roles.Applicant, null);

        var response = await applicant.GetAsync("/api/organisations/by-identifier/44032187500021");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
