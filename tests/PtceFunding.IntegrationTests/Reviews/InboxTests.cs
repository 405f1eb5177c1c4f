using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Territories;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;

namespace PtceFunding.IntegrationTests.Reviews;

/// <summary>
/// The officer inbox over HTTP: six submitted applications of two calls (one led from Île-de-France,
/// the others from Auvergne-Rhône-Alpes), filtered, counted, sorted and paginated, for officers
/// inside and outside their routing.
/// </summary>
public sealed class InboxTests(PtceApp app) : IClassFixture<PtceApp>
{
    private static readonly Dictionary<PtceApp, Task<Inbox>> Built = [];

    [Fact]
    public async Task A_routed_officer_sees_the_files_of_their_territory_counted_per_status_and_filtered_by_status_session_call_and_region()
    {
        var data = await Data();
        var officer = await app.ClientFor(Roles.ProgramOfficer, data.Consortium.State);

        var all = await InboxOf(officer, "");
        Assert.Equal(5, all.GetProperty("total").GetInt32());
        Assert.Equal([data.A4, data.A5, data.A3, data.A2, data.A1], Ids(all));
        Assert.Equal(new Dictionary<string, int> { ["Submitted"] = 3, ["Complete"] = 1, ["CorrectionsRequested"] = 1 }, Counts(all));

        var submitted = await InboxOf(officer, "status=Submitted");
        Assert.Equal(3, submitted.GetProperty("total").GetInt32());
        Assert.Equal([data.A4, data.A5, data.A1], Ids(submitted));
        Assert.Equal(Counts(all), Counts(submitted)); // the counts ignore the status filter

        var firstSession = await InboxOf(officer, $"sessionId={data.SessionOne}");
        Assert.Equal([data.A3, data.A2, data.A1], Ids(firstSession));
        Assert.Equal(new Dictionary<string, int> { ["Submitted"] = 1, ["Complete"] = 1, ["CorrectionsRequested"] = 1 }, Counts(firstSession));
        Assert.Equal([data.A1], Ids(await InboxOf(officer, $"sessionId={data.SessionOne}&status=Submitted")));

        Assert.Equal([data.A5], Ids(await InboxOf(officer, $"callId={data.CallB.Value}")));
        Assert.Equal(5, (await InboxOf(officer, "region=84")).GetProperty("total").GetInt32());
        var elsewhere = await InboxOf(officer, "region=11");
        Assert.Equal(0, elsewhere.GetProperty("total").GetInt32());
        Assert.Empty(Counts(elsewhere));

        var line = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == data.A2);
        var reference = await app.Db(db => db.Applications.Where(a => a.Id == new FundingApplicationId(data.A2)).Select(a => a.Reference).SingleAsync());
        Assert.Equal(reference, line.GetProperty("reference").GetString());
        Assert.Equal("AMI permanent PTCE", line.GetProperty("callTitle").GetString());
        Assert.Equal("SCIC Boîte Lyon", line.GetProperty("leadOrganisationName").GetString());
        Assert.Equal("84", line.GetProperty("regionCode").GetString());
        Assert.Equal("Complete", line.GetProperty("status").GetString());
        Assert.Equal("Session 1", line.GetProperty("sessionName").GetString());
        Assert.Equal("2026-12-31", line.GetProperty("sessionCutOff").GetString());
        Assert.Equal("Instructrice Boîte", line.GetProperty("assignedOfficerName").GetString());
        Assert.Equal(120_000m, line.GetProperty("totalRequested").GetDecimal());
        Assert.Equal(2, line.GetProperty("membersCount").GetInt32());
    }

    [Fact]
    public async Task The_files_an_officer_has_taken_are_their_files()
    {
        var data = await Data();
        var mine = await InboxOf(await app.ClientFor(data.OfficerEmail), "assignedToMe=true");
        Assert.Equal([data.A2], Ids(mine));

        var untaken = await InboxOf(await app.ClientFor(data.OfficerEmail), "assignedToMe=false");
        Assert.Equal([data.A4, data.A5, data.A3, data.A1], Ids(untaken));
    }

    [Fact]
    public async Task The_inbox_is_paginated_with_the_total_and_sorted_by_reference_or_requested_total()
    {
        var data = await Data();
        var officer = await app.ClientFor(Roles.ProgramOfficer, data.Consortium.State);

        var first = await InboxOf(officer, "pageSize=2");
        var second = await InboxOf(officer, "pageSize=2&page=2");
        var third = await InboxOf(officer, "pageSize=2&page=3");
        Assert.Equal(5, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal([data.A4, data.A5], Ids(first));
        Assert.Equal([data.A3, data.A2], Ids(second));
        Assert.Equal([data.A1], Ids(third));
        Assert.Empty(Ids(await InboxOf(officer, "pageSize=2&page=4")));

        Assert.Equal([data.A2, data.A4, data.A3, data.A5, data.A1], Ids(await InboxOf(officer, "sort=TotalRequested")));
        var byReference = await InboxOf(officer, "sort=Reference");
        var references = byReference.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!).ToList();
        Assert.Equal(5, references.Count);
        Assert.Equal(references.Order(StringComparer.Ordinal), references);
        Assert.Equal([data.A2, data.A4], Ids(await InboxOf(officer, "sort=TotalRequested&pageSize=2")));
    }

    [Fact]
    public async Task National_officers_see_every_region_and_officers_outside_the_routing_see_none()
    {
        var data = await Data();
        var national = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateNational, null));
        var callA = $"callId={data.CallA.Value}";
        Assert.Equal([data.A4, data.A6, data.A3, data.A2, data.A1], Ids(await InboxOf(national, callA)));
        Assert.Equal([data.A6], Ids(await InboxOf(national, callA + "&region=11")));
        Assert.Equal([data.A4, data.A3, data.A2, data.A1], Ids(await InboxOf(national, callA + "&region=84")));

        var regionElsewhere = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "53"));
        var notFundingTheCall = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        foreach (var outsider in new[] { regionElsewhere, notFundingTheCall })
        {
            var inbox = await InboxOf(outsider, "");
            Assert.Equal(0, inbox.GetProperty("total").GetInt32());
            Assert.Empty(Ids(inbox));
            Assert.Empty(Counts(inbox));
        }
    }

    [Fact]
    public async Task Applicants_are_refused_and_a_page_of_more_than_a_hundred_is_invalid()
    {
        var data = await Data();
        var applicant = await app.ClientFor(Roles.Applicant, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/reviews/inbox")).StatusCode);

        var officer = await app.ClientFor(Roles.ProgramOfficer, data.Consortium.State);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/reviews/inbox?pageSize=101")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/reviews/inbox?page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/reviews/inbox?pageSize=100")).StatusCode);
    }

    [Fact]
    public async Task The_inbox_page_lists_counts_filters_and_sorts_the_files_with_links_to_their_review_page()
    {
        var data = await Data();
        var browser = new CookieBrowser(app);
        await browser.Login(data.OfficerEmail, PtceApp.Password);

        var page = await browser.Get("/Instruction");
        Assert.Contains("Dossiers à instruire", page, StringComparison.Ordinal);
        Assert.Contains("5 dossier(s) — page 1 sur 1", page, StringComparison.Ordinal);
        Assert.Contains("Déposé : 3", page, StringComparison.Ordinal);
        Assert.Contains("En instruction : 1", page, StringComparison.Ordinal);
        Assert.Contains("Corrections demandées : 1", page, StringComparison.Ordinal);
        foreach (var id in new[] { data.A1, data.A2, data.A3, data.A4, data.A5 })
        {
            Assert.Contains($"href=\"/Instruction/Dossier?id={id}\"", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(data.A6.ToString(), page, StringComparison.Ordinal);
        Assert.True(page.IndexOf(data.A4.ToString(), StringComparison.Ordinal) < page.IndexOf(data.A1.ToString(), StringComparison.Ordinal), "newest first");

        var complete = await browser.Get("/Instruction?Status=Complete");
        Assert.Contains("1 dossier(s)", complete, StringComparison.Ordinal);
        Assert.Contains(data.A2.ToString(), complete, StringComparison.Ordinal);
        Assert.DoesNotContain(data.A1.ToString(), complete, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Complete\" selected=\"selected\">En instruction</option>", complete, StringComparison.Ordinal);

        var byAmount = await browser.Get("/Instruction?Sort=TotalRequested");
        Assert.Contains("aria-sort=\"descending\"", byAmount, StringComparison.Ordinal);
        Assert.True(byAmount.IndexOf(data.A2.ToString(), StringComparison.Ordinal) < byAmount.IndexOf(data.A1.ToString(), StringComparison.Ordinal), "largest amount first");

        var mine = await browser.Get("/Instruction?Mine=true");
        Assert.Contains("1 dossier(s)", mine, StringComparison.Ordinal);
        Assert.Contains("Instructrice Boîte", mine, StringComparison.Ordinal);
    }

    private async Task<Inbox> Data()
    {
        Task<Inbox> building;
        lock (Built)
        {
            if (!Built.TryGetValue(app, out building!))
            {
                building = Build();
                Built[app] = building;
            }
        }

        return await building;
    }

    private async Task<Inbox> Build()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callA = await consortium.PublishedCall(null, new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31));
        var callB = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var lyon = await consortium.Organisation("SCIC Boîte Lyon");
        var lyonPartner = await consortium.Organisation("Association Boîte Lyon", LegalForm.Association);
        var paris = await consortium.Organisation("SCIC Boîte Paris", communeCode: "75056", postalCode: "75001");
        var parisPartner = await consortium.Organisation("Association Boîte Paris", LegalForm.Association, communeCode: "75056", postalCode: "75001");
        var (lyonEmail, _) = await consortium.VerifiedUserOf(lyon);
        var (parisEmail, _) = await consortium.VerifiedUserOf(paris, "11");

        // Totals requested over two years: (state + 20 000) × 2.
        var a1 = await Submitted(consortium, lyonEmail, callA, lyon, lyonPartner, 10_000m, new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        var a2 = await Submitted(consortium, lyonEmail, callA, lyon, lyonPartner, 40_000m, new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var a3 = await Submitted(consortium, lyonEmail, callA, lyon, lyonPartner, 25_000m, new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        var a4 = await Submitted(consortium, lyonEmail, callA, lyon, lyonPartner, 30_000m, new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.Zero));
        var a5 = await Submitted(consortium, lyonEmail, callB, lyon, lyonPartner, 15_000m, new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
        var a6 = await Submitted(consortium, parisEmail, callA, paris, parisPartner, 20_000m, new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));

        var officerEmail = await app.AddUser(Roles.ProgramOfficer, consortium.State);
        var now = new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);
        app.Clock.Now = now;
        var sessionOne = await app.Db(async db =>
        {
            var officer = await db.Users.SingleAsync(u => u.Email == officerEmail);
            officer.DisplayName = "Instructrice Boîte";
            var second = await db.Applications.SingleAsync(a => a.Id == new FundingApplicationId(a2));
            Assert.True(second.Assign(officer.Id, officer.DisplayName, officer.Id, now).IsSuccess);
            Assert.True(second.ConfirmCompleteness(officer.Id, now).IsSuccess);
            var third = await db.Applications.SingleAsync(a => a.Id == new FundingApplicationId(a3));
            Assert.True(third.RequestCorrections(["Budget détaillé"], new DateOnly(2027, 2, 1), officer.Id, now, FrenchRegion.MetropolitanTimeZone).IsSuccess);
            await db.SaveChangesAsync();
            return second.SessionId!.Value.Value;
        });

        return new Inbox(consortium, callA, callB, sessionOne, officerEmail, a1, a2, a3, a4, a5, a6);
    }

    private async Task<Guid> Submitted(Consortium consortium, string email, CallId callId, Guid leadId, Guid partnerId, decimal statePerYear, DateTimeOffset at)
    {
        app.Clock.Now = Consortium.Today;
        var lead = await app.ClientFor(email);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId, statePerYear: statePerYear);
        await consortium.AttachStatutes(id);
        var version = await Consortium.VersionOf(lead, id);
        app.Clock.Now = at;
        lead = await app.ClientFor(email);
        var response = await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = version });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<JsonElement> InboxOf(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/reviews/inbox?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<Guid> Ids(JsonElement inbox) => [.. inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static Dictionary<string, int> Counts(JsonElement inbox) =>
        inbox.GetProperty("countsByStatus").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    private sealed record Inbox(Consortium Consortium, CallId CallA, CallId CallB, Guid SessionOne, string OfficerEmail, Guid A1, Guid A2, Guid A3, Guid A4, Guid A5, Guid A6);
}
