using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Calls;

/// <summary>Administrators prepare, publish and close calls, with their funders, envelopes, rules and committee sessions.</summary>
public sealed class CallAdministrationTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_continuous_call_with_two_funders_is_drafted_published_and_given_quarterly_sessions()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var state = await app.AddFunder(FunderKind.StateNational, null, "Ministère de l'Économie " + Guid.NewGuid().ToString("N")[..6]);
        var region = await app.AddFunder(FunderKind.Region, "84");
        var id = await CallBuilder.Call(admin, CallBuilder.Details([(state.Id.Value, 1_000_000m), (region.Id.Value, 250_000.50m)]));

        var draft = await CallBuilder.Get(admin, id);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("Continuous", draft.GetProperty("mode").GetString());
        Assert.Equal(["PTCE émergent", "PTCE en consolidation"], draft.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var funders = draft.GetProperty("funders").EnumerateArray().ToList();
        Assert.Equal(state.Name, funders[0].GetProperty("name").GetString());
        Assert.Equal(1_000_000m, funders[0].GetProperty("envelope").GetDecimal());
        Assert.Equal(250_000.50m, funders[1].GetProperty("envelope").GetDecimal());
        Assert.Equal(1, draft.GetProperty("currentRulesVersion").GetInt32());
        var rules = Assert.Single(draft.GetProperty("ruleVersions").EnumerateArray()).GetProperty("rules");
        Assert.Equal(["Scic", "Association"], rules.GetProperty("eligibility").GetProperty("allowedLegalForms").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(2, rules.GetProperty("grid").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/calls/{id}/publish", null)).StatusCode);

        // Planned out of order: they are read back by cut-off date.
        foreach (var (name, cutOff, meeting) in new[]
        {
            ("Session de printemps 2027", "2027-03-31", "2027-04-20"),
            ("Session d'hiver 2026", "2026-12-31", "2027-01-20"),
            ("Session d'été 2027", "2027-06-30", "2027-07-15"),
            ("Session d'automne 2027", "2027-09-30", "2027-10-20"),
        })
        {
            var planned = await admin.PostAsJsonAsync($"/api/calls/{id}/sessions", new { name, cutOffDate = cutOff, meetingDate = meeting });
            Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
            Assert.Equal(0, (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pickedUpApplications").GetInt32());
        }

        var published = await CallBuilder.Get(admin, id);
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal(
            ["2026-12-31", "2027-03-31", "2027-06-30", "2027-09-30"],
            published.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("cutOffDate").GetString()));
        Assert.Equal("Session d'hiver 2026", published.GetProperty("sessions")[0].GetProperty("name").GetString());
        Assert.Equal("2027-01-20", published.GetProperty("sessions")[0].GetProperty("meetingDate").GetString());

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/calls")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(4, listed.GetProperty("sessions").GetInt32());
        Assert.Equal("2026-12-31", listed.GetProperty("nextSession").GetProperty("cutOffDate").GetString());
    }

    [Fact]
    public async Task A_fixed_window_call_keeps_its_dates_and_one_closing_before_it_opens_is_refused()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder(FunderKind.Region, "53");
        var id = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 300_000m)], mode: "FixedWindow", opensOn: "2027-01-05", closesOn: "2027-03-31"));

        var call = await CallBuilder.Get(admin, id);
        Assert.Equal("FixedWindow", call.GetProperty("mode").GetString());
        Assert.Equal("2027-01-05", call.GetProperty("opensOn").GetString());
        Assert.Equal("2027-03-31", call.GetProperty("closesOn").GetString());

        var programme = await CallBuilder.Programme(admin);
        var backwards = await admin.PostAsJsonAsync("/api/calls", new
        {
            programmeId = programme,
            details = CallBuilder.Details([(funder.Id.Value, 1m)], mode: "FixedWindow", opensOn: "2027-03-31", closesOn: "2027-01-05"),
            rules = CallBuilder.Rules(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.True((await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ClosesOn", out _));
    }

    [Fact]
    public async Task Publishing_twice_is_refused_with_its_code()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder();
        var id = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 10_000m)]), publish: true);

        var again = await admin.PostAsync($"/api/calls/{id}/publish", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("call.not_draft", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Changing_the_rules_of_a_published_call_creates_version_2_and_keeps_version_1()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder();
        var id = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 10_000m)]));

        // A draft's rules are replaced in place.
        var draftChange = await admin.PutAsJsonAsync($"/api/calls/{id}/rules", new { rules = CallBuilder.Rules(minimumMembers: 4), expectedVersion = (await CallBuilder.Get(admin, id)).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, draftChange.StatusCode);
        Assert.Equal(1, (await draftChange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rulesVersion").GetInt32());

        (await admin.PostAsync($"/api/calls/{id}/publish", null)).EnsureSuccessStatusCode();
        var version = (await CallBuilder.Get(admin, id)).GetProperty("version").GetInt32();
        var changed = await admin.PutAsJsonAsync($"/api/calls/{id}/rules", new { rules = CallBuilder.Rules(minimumMembers: 5, regions: ["84", "27"]), expectedVersion = version });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rulesVersion").GetInt32());

        var call = await CallBuilder.Get(admin, id);
        Assert.Equal(2, call.GetProperty("currentRulesVersion").GetInt32());
        var versions = call.GetProperty("ruleVersions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(4, versions[0].GetProperty("rules").GetProperty("eligibility").GetProperty("minimumMembers").GetInt32());
        Assert.Equal(5, versions[1].GetProperty("rules").GetProperty("eligibility").GetProperty("minimumMembers").GetInt32());
        Assert.Equal(["84", "27"], versions[1].GetProperty("rules").GetProperty("eligibility").GetProperty("regionCodes").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task An_edit_based_on_an_outdated_read_gets_409_with_the_current_version()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder();
        var id = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 10_000m)]));
        var read = (await CallBuilder.Get(admin, id)).GetProperty("version").GetInt32();

        var first = await admin.PutAsJsonAsync($"/api/calls/{id}/details", new { details = CallBuilder.Details([(funder.Id.Value, 20_000m)], title: "AMI renommé"), expectedVersion = read });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var current = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.Equal(read + 1, current);

        var staleDetails = await admin.PutAsJsonAsync($"/api/calls/{id}/details", new { details = CallBuilder.Details([(funder.Id.Value, 30_000m)]), expectedVersion = read });
        var staleRules = await admin.PutAsJsonAsync($"/api/calls/{id}/rules", new { rules = CallBuilder.Rules(minimumMembers: 2), expectedVersion = read });

        foreach (var stale in new[] { staleDetails, staleRules })
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("concurrency.stale", problem.GetProperty("code").GetString());
            Assert.Equal(current, problem.GetProperty("currentVersion").GetInt32());
        }

        var call = await CallBuilder.Get(admin, id);
        Assert.Equal("AMI renommé", call.GetProperty("title").GetString());
        Assert.Equal(3, call.GetProperty("currentRules").GetProperty("eligibility").GetProperty("minimumMembers").GetInt32());
    }

    [Fact]
    public async Task Editing_the_rules_of_a_draft_moves_its_version_so_a_second_editor_is_refused()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder();
        var id = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 10_000m)]));
        var read = (await CallBuilder.Get(admin, id)).GetProperty("version").GetInt32();

        var first = await admin.PutAsJsonAsync($"/api/calls/{id}/rules", new { rules = CallBuilder.Rules(minimumMembers: 2), expectedVersion = read });
        var second = await admin.PutAsJsonAsync($"/api/calls/{id}/rules", new { rules = CallBuilder.Rules(minimumMembers: 7), expectedVersion = read });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(2, (await CallBuilder.Get(admin, id)).GetProperty("currentRules").GetProperty("eligibility").GetProperty("minimumMembers").GetInt32());
    }

    [Fact]
    public async Task A_funders_administrator_manages_only_the_calls_of_their_funder()
    {
        var platform = await app.ClientFor(Roles.Administrator, null);
        var mine = await app.AddFunder(FunderKind.Region, "84");
        var theirs = await app.AddFunder(FunderKind.Region, "53");
        var funderAdmin = await app.ClientFor(Roles.Administrator, mine);
        var theirCall = await CallBuilder.Call(platform, CallBuilder.Details([(theirs.Id.Value, 10_000m)]));
        var sharedCall = await CallBuilder.Call(platform, CallBuilder.Details([(theirs.Id.Value, 10_000m), (mine.Id.Value, 5_000m)]));

        Assert.Equal(HttpStatusCode.NotFound, (await funderAdmin.GetAsync($"/api/calls/{theirCall}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await funderAdmin.PutAsJsonAsync($"/api/calls/{theirCall}/details", new { details = CallBuilder.Details([(mine.Id.Value, 1m)]), expectedVersion = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await funderAdmin.PostAsync($"/api/calls/{theirCall}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await funderAdmin.PostAsJsonAsync($"/api/calls/{theirCall}/sessions", new { name = "S1", cutOffDate = "2027-01-31", meetingDate = "2027-02-15" })).StatusCode);
        Assert.Equal("Draft", (await CallBuilder.Get(platform, theirCall)).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await funderAdmin.PostAsync($"/api/calls/{sharedCall}/publish", null)).StatusCode);
        var listed = (await funderAdmin.GetFromJsonAsync<JsonElement>("/api/calls")).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(sharedCall, listed);
        Assert.DoesNotContain(theirCall, listed);

        var programme = await CallBuilder.Programme(funderAdmin);
        var withoutMine = await funderAdmin.PostAsJsonAsync("/api/calls", new { programmeId = programme, details = CallBuilder.Details([(theirs.Id.Value, 1m)]), rules = CallBuilder.Rules() });
        Assert.Equal(HttpStatusCode.Forbidden, withoutMine.StatusCode);
        var withMine = await funderAdmin.PostAsJsonAsync("/api/calls", new { programmeId = programme, details = CallBuilder.Details([(mine.Id.Value, 1m)]), rules = CallBuilder.Rules() });
        Assert.Equal(HttpStatusCode.Created, withMine.StatusCode);
    }

    [Fact]
    public async Task An_applicant_is_refused_the_call_administration()
    {
        var platform = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder();
        var id = await CallBuilder.Call(platform, CallBuilder.Details([(funder.Id.Value, 10_000m)]));
        var applicant = await app.ClientFor(Roles.Applicant, null);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/calls")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/calls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/calls/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/api/programmes", new { name = "Pirate" })).StatusCode);
        Assert.Equal("Draft", (await CallBuilder.Get(platform, id)).GetProperty("status").GetString());
    }
}
