using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;
using PtceFunding.IntegrationTests.Reviews;

namespace PtceFunding.IntegrationTests.Api;

/// <summary>
/// Malformed requests seen from outside (issue 14): each is a 400 naming the field in fault, never a 500, and
/// leaves the resource as it was.
/// </summary>
public sealed class BadInputTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_null_or_missing_collection_or_a_null_element_in_a_draft_is_a_400_naming_the_field_and_changes_nothing()
    {
        var (_, lead, id) = await Draft("Listes");
        var version = await Consortium.VersionOf(lead, id);

        await Refused(lead.PutAsync($"/api/applications/{id}/consortium", Json($$"""{"expectedVersion":{{version}},"members":null}""")), "Members");
        await Refused(lead.PutAsync($"/api/applications/{id}/consortium", Json($$"""{"expectedVersion":{{version}}}""")), "Members");
        await Refused(lead.PutAsync($"/api/applications/{id}/consortium", Json($$"""{"expectedVersion":{{version}},"members":[null]}""")), "Members[0]");
        await Refused(lead.PutAsync($"/api/applications/{id}/financing", Json($$"""{"expectedVersion":{{version}},"expenses":null,"resources":[],"requestedAmounts":[]}""")), "Expenses");
        await Refused(lead.PutAsync($"/api/applications/{id}/financing", Json($$"""{"expectedVersion":{{version}},"expenses":[null],"resources":[null],"requestedAmounts":[]}""")), "Expenses[0]");
        await Refused(lead.PutAsync($"/api/applications/{id}/indicators", Json($$"""{"expectedVersion":{{version}},"indicators":[null]}""")), "Indicators[0]");
        await Refused(lead.PutAsync($"/api/applications/{id}/project", Json($$"""{"expectedVersion":{{version}},"title":"Projet","sectors":[null]}""")), "Sectors[0]");

        Assert.Equal(version, await Consortium.VersionOf(lead, id));
    }

    [Fact]
    public async Task An_amount_near_the_largest_decimal_is_refused_and_the_application_stays_readable()
    {
        var (_, lead, id) = await Draft("Montants");
        var version = await Consortium.VersionOf(lead, id);

        var response = await lead.PutAsync($"/api/applications/{id}/financing", Json($$"""
            {"expectedVersion":{{version}},"expenses":[{"year":1,"category":"Staff","amount":79228162514264337593543950335}],"resources":[],"requestedAmounts":[]}
            """));

        await Refused(Task.FromResult(response), "Expenses[0].Amount");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(version, await Consortium.VersionOf(lead, id));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(int.MaxValue)]
    public async Task A_financing_year_outside_the_project_years_is_refused_so_that_no_read_builds_it(int year)
    {
        var (_, lead, id) = await Draft($"Année {year}");
        var version = await Consortium.VersionOf(lead, id);

        var response = await lead.PutAsync($"/api/applications/{id}/financing", Json($$"""
            {"expectedVersion":{{version}},"expenses":[{"year":{{year}},"category":"Staff","amount":1000}],"resources":[],"requestedAmounts":[]}
            """));

        await Refused(Task.FromResult(response), "Plan");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(version, await Consortium.VersionOf(lead, id));
    }

    [Fact]
    public async Task A_project_starting_in_the_year_9999_is_refused()
    {
        var (_, lead, id) = await Draft("Lointain");
        var version = await Consortium.VersionOf(lead, id);

        await Refused(
            lead.PutAsync($"/api/applications/{id}/project", Json($$"""
                {"expectedVersion":{{version}},"title":"Projet","description":"Un projet","territory":"Rhône","sectors":[],"startDate":"9999-06-01","durationYears":3}
                """)),
            "StartDate");
        Assert.Equal(version, await Consortium.VersionOf(lead, id));
    }

    [Fact]
    public async Task A_correction_due_on_the_last_day_of_9999_is_refused()
    {
        var file = await UnderReview.Submitted(app, "SCIC Échéance lointaine");

        var response = await file.Act("corrections", new { items = new[] { "Joindre le budget" }, dueOn = "9999-12-31" });

        await Refused(Task.FromResult(response), "DueOn");
        Assert.Equal("Submitted", (await file.ReviewView()).GetProperty("application").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_label_of_100000_characters_is_refused()
    {
        var (_, lead, id) = await Draft("Long");
        var version = await Consortium.VersionOf(lead, id);

        await Refused(
            lead.PutAsJsonAsync($"/api/applications/{id}/project", new { expectedVersion = version, title = new string('a', 100_000), sectors = Array.Empty<string>() }),
            "Title");
        Assert.Equal(version, await Consortium.VersionOf(lead, id));
    }

    [Fact]
    public async Task Text_holding_a_null_character_is_a_400_and_not_a_server_error_even_anonymously()
    {
        var anonymous = app.CreateClient();
        var admin = await app.ClientFor(Roles.Administrator, null);

        var token = await anonymous.PostToken(new { email = "a\u0000@exemple.fr", password = "x\u0000" });
        var reset = await anonymous.PostAsJsonAsync("/api/auth/password-reset-requests", new { email = "a\u0000@exemple.fr" });
        var register = await anonymous.PostAsJsonAsync("/api/account/register", new { email = "b\u0000@exemple.fr", password = PtceApp.Password, displayName = "Nul\u0000" });
        var confirmation = await anonymous.PostAsJsonAsync("/api/account/email-confirmation-requests", new { email = "c\u0000@exemple.fr" });
        var programme = await admin.PostAsJsonAsync("/api/programmes", new { name = "Programme\u0000" });
        var funder = await admin.PostAsJsonAsync("/api/funders", new { id = Guid.NewGuid(), name = "Région\u0000", kind = "Region", regionCode = "84" });
        var user = await admin.PostAsJsonAsync("/api/admin/users", new { email = "d@exemple.fr", displayName = "Agent\u0000", role = "ProgramOfficer", funderId = (Guid?)null });
        var audit = await admin.GetAsync("/api/admin/audit?entityType=Funder%00");

        foreach (var (name, response) in new[] { ("token", token), ("reset", reset), ("register", register), ("confirmation", confirmation), ("programme", programme), ("funder", funder), ("user", user), ("audit", audit) })
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_funders_siret_is_cleared_only_by_an_explicit_null_and_a_missing_property_is_a_400()
    {
        var funder = await app.AddFunder(FunderKind.Region, "84");
        var admin = await app.ClientFor(Roles.Administrator, null);
        var siret = Consortium.NewSiret();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/funders/{funder.Id}/siret", new { siret, expectedVersion = 0 })).StatusCode);

        var missing = await admin.PutAsync($"/api/funders/{funder.Id}/siret", Json("""{"expectedVersion":1}"""));
        Assert.Equal(siret, await SiretOf(admin, funder.Id.Value));
        var cleared = await admin.PutAsync($"/api/funders/{funder.Id}/siret", Json("""{"siret":null,"expectedVersion":1}"""));

        await Refused(Task.FromResult(missing), "Siret");
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null(await SiretOf(admin, funder.Id.Value));
    }

    [Fact]
    public async Task A_null_score_an_empty_score_or_a_null_declaration_is_a_400_before_anything_is_read()
    {
        var funder = await app.AddFunder();
        var reviewer = await app.ClientFor(Roles.Reviewer, funder);
        var member = await app.ClientFor(Roles.CommitteeMember, funder);

        await Refused(reviewer.PostAsync($"/api/expertise/{Guid.NewGuid()}/opinion", Json("""{"scores":[{}],"opinion":"Favourable","text":"Avis"}""")), "Scores[0].Code");
        await Refused(reviewer.PostAsync($"/api/expertise/{Guid.NewGuid()}/opinion", Json("""{"scores":[null],"opinion":"Favourable","text":"Avis"}""")), "Scores[0]");
        await Refused(member.PutAsync($"/api/committee/sessions/{Guid.NewGuid()}/conflicts", Json("""{"declarations":[null]}""")), "Declarations[0]");
    }

    [Fact]
    public async Task A_null_indicator_value_or_a_null_funder_of_an_amendment_is_a_400()
    {
        var funder = await app.AddFunder();
        var lead = await app.ClientFor(Roles.Applicant, null);
        var officer = await app.ClientFor(Roles.ProgramOfficer, funder);

        await Refused(lead.PutAsync($"/api/reports/{Guid.NewGuid()}/indicators", Json("""{"values":[null],"expectedVersion":0}""")), "Values[0]");
        await Refused(
            officer.PostAsync($"/api/agreements/{Guid.NewGuid()}/amendments", Json("""{"kind":"ChangeAmount","effectiveOn":"2027-01-01","reason":"Avenant","funders":[null],"expectedVersion":0}""")),
            "Funders[0]");
    }

    [Fact]
    public async Task A_termination_without_its_effective_date_or_as_of_year_one_and_a_report_returned_until_9999_are_refused()
    {
        var funder = await app.AddFunder();
        var officer = await app.ClientFor(Roles.ProgramOfficer, funder);

        await Refused(officer.PostAsync($"/api/agreements/{Guid.NewGuid()}/termination", Json("""{"reason":"Fin","expectedVersion":0}""")), "EffectiveOn");
        await Refused(officer.PostAsync($"/api/agreements/{Guid.NewGuid()}/termination", Json("""{"effectiveOn":"0001-01-01","reason":"Fin","expectedVersion":0}""")), "EffectiveOn");
        await Refused(officer.PostAsync($"/api/reports/{Guid.NewGuid()}/return", Json("""{"comments":"À compléter","newDueOn":"9999-12-31","expectedVersion":0}""")), "NewDueOn");
    }

    [Fact]
    public async Task An_organisation_without_its_commune_code_or_with_a_null_postal_code_is_a_400()
    {
        var applicant = await app.ClientFor(Roles.Applicant, null);
        const string address = "\"name\":\"SCIC Sans commune\",\"siret\":null,\"rna\":null,\"legalForm\":\"Scic\",\"isEss\":true,\"street\":\"1 rue de la Paix\",\"city\":\"Lyon\"";

        await Refused(applicant.PostAsync("/api/organisations", Json($$"""{{{address}},"postalCode":"69002"}""")), "CommuneCode");
        await Refused(applicant.PostAsync("/api/organisations", Json($$"""{{{address}},"postalCode":"69002","communeCode":null}""")), "CommuneCode");
        await Refused(applicant.PostAsync("/api/organisations", Json($$"""{{{address}},"postalCode":null,"communeCode":"69382"}""")), "PostalCode");
    }

    [Fact]
    public async Task A_la_poste_establishment_whose_luhn_key_is_right_is_registered_through_the_api()
    {
        var applicant = await app.ClientFor(Roles.Applicant, null);

        var registered = await applicant.PostAsJsonAsync("/api/organisations", new
        {
            name = "La Poste — bureau de Lyon Bellecour",
            siret = "35600000000048",
            rna = (string?)null,
            legalForm = "Other",
            isEss = false,
            street = "10 place Antonin Poncet",
            postalCode = "69002",
            city = "Lyon",
            communeCode = "69382",
        });

        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
    }

    private static async Task<string?> SiretOf(HttpClient admin, Guid funderId) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/funders")).EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == funderId).GetProperty("siret").GetString();

    private Task<(Consortium Consortium, HttpClient Lead, Guid Id)> Draft(string name) => Consortium.CompleteDraft(app, name);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A 400 problem whose field errors name <paramref name="field"/> (as the validators name fields).</summary>
    private static async Task Refused(Task<HttpResponseMessage> sent, string field)
    {
        using var response = await sent;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)), $"no error for {field}: {body}");
    }
}
