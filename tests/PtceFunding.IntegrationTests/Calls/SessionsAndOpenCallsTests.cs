using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Calls;

/// <summary>Applications submitted while a call has no session wait for the next one planned; the public reads the open calls.</summary>
public sealed class SessionsAndOpenCallsTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task Planning_a_session_picks_up_the_applications_submitted_while_the_call_had_none()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder(FunderKind.StateRegionalOffice, "84");
        var callId = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 500_000m)]), CallBuilder.LenientRules(), publish: true);
        var waiting = await SubmitWithoutSession(callId, funder.Id, "79204562900013");
        var otherCall = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 500_000m)]), CallBuilder.LenientRules(), publish: true);
        var elsewhere = await SubmitWithoutSession(otherCall, funder.Id, "44306184100047");

        var before = await admin.GetFromJsonAsync<JsonElement>("/api/calls/unscheduled-applications");
        Assert.Contains(before.EnumerateArray(), c => c.GetProperty("callId").GetGuid() == callId && c.GetProperty("count").GetInt32() == 1);

        var planned = await admin.PostAsJsonAsync($"/api/calls/{callId}/sessions", new { name = "Comité de janvier", cutOffDate = "2026-12-31", meetingDate = "2027-01-20" });

        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var body = await planned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("pickedUpApplications").GetInt32());
        var sessionId = new CommitteeSessionId(body.GetProperty("id").GetGuid());
        Assert.Equal(sessionId, await SessionOf(waiting));
        Assert.Null(await SessionOf(elsewhere));
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/calls/unscheduled-applications");
        Assert.DoesNotContain(after.EnumerateArray(), c => c.GetProperty("callId").GetGuid() == callId);
        Assert.Equal(1, (await CallBuilder.Get(admin, callId)).GetProperty("sessions")[0].GetProperty("applications").GetInt32());
    }

    [Fact]
    public async Task A_session_whose_cut_off_is_over_is_refused()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder();
        var callId = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 1_000m)]), publish: true);

        // The test clock reads 22 November 2026.
        var past = await admin.PostAsJsonAsync($"/api/calls/{callId}/sessions", new { name = "Trop tard", cutOffDate = "2026-11-21", meetingDate = "2026-12-10" });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("CutOffDate", out _));
    }

    [Fact]
    public async Task Anyone_reads_the_open_calls_with_their_rules_in_french_and_the_next_cut_off()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder(FunderKind.Region, "84", "Région Auvergne-Rhône-Alpes " + Guid.NewGuid().ToString("N")[..6]);
        var open = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 750_000m)], title: "AMI ouvert", twoStage: true), publish: true);
        var draft = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 1m)], title: "AMI en préparation"));
        var notYetOpen = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 1m)], mode: "FixedWindow", opensOn: "2027-02-01", closesOn: "2027-04-30"), publish: true);
        var windowOver = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 1m)], mode: "FixedWindow", opensOn: "2026-09-01", closesOn: "2026-11-21"), publish: true);
        var closed = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 1m)]), publish: true);
        (await admin.PostAsync($"/api/calls/{closed}/close", null)).EnsureSuccessStatusCode();
        foreach (var (cutOff, meeting) in new[] { ("2026-11-22", "2026-12-05"), ("2027-03-31", "2027-04-20") })
        {
            (await admin.PostAsJsonAsync($"/api/calls/{open}/sessions", new { name = $"Session {cutOff}", cutOffDate = cutOff, meetingDate = meeting })).EnsureSuccessStatusCode();
        }

        var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/api/open-calls");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        var ids = calls.Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(open, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.DoesNotContain(notYetOpen, ids);
        Assert.DoesNotContain(windowOver, ids);
        Assert.DoesNotContain(closed, ids);

        var call = calls.Single(c => c.GetProperty("id").GetGuid() == open);
        Assert.True(call.GetProperty("isTwoStage").GetBoolean());
        Assert.Equal(funder.Name, call.GetProperty("funders")[0].GetProperty("name").GetString());
        Assert.Equal(750_000m, call.GetProperty("funders")[0].GetProperty("envelope").GetDecimal());
        var eligibility = call.GetProperty("eligibility").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("Formes juridiques admises : SCIC, Association.", eligibility);
        Assert.Contains("Le consortium compte au moins 3 membres.", eligibility);
        Assert.Contains("Le chef de file est situé en Auvergne-Rhône-Alpes.", eligibility);
        Assert.Contains("Montant demandé : au plus 100 000,00 €.", eligibility.Select(e => e!.Replace('\u202f', ' ').Replace('\u00a0', ' ')));
        Assert.Equal(["Statuts du chef de file"], call.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("ETP", call.GetProperty("indicators")[0].GetProperty("unit").GetString());
        // The cut-off day is met until midnight, Paris time.
        Assert.Equal("2026-11-22", call.GetProperty("nextSession").GetProperty("cutOffDate").GetString());
        Assert.Equal("2026-12-05", call.GetProperty("nextSession").GetProperty("meetingDate").GetString());

        var saved = app.Clock.Now;
        try
        {
            app.Clock.Now = new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero);
            var nextDay = (await anonymous.GetFromJsonAsync<JsonElement>("/api/open-calls")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == open);
            Assert.Equal("2027-03-31", nextDay.GetProperty("nextSession").GetProperty("cutOffDate").GetString());
        }
        finally
        {
            app.Clock.Now = saved;
        }
    }

    [Fact]
    public async Task The_public_pages_list_the_open_calls_and_the_administrator_is_warned_of_waiting_applications()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        var funder = await app.AddFunder();
        var title = "AMI visible " + Guid.NewGuid().ToString("N")[..6];
        var callId = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 1_000m)], title: title), CallBuilder.LenientRules(), publish: true);
        await SubmitWithoutSession(callId, funder.Id, "73282932000074");

        var page = await app.CreateClient().GetStringAsync("/Appels");
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains($"/Portail/Candidatures/Nouvelle?callId={callId}", page, StringComparison.Ordinal);

        var browser = new CookieBrowser(app);
        var adminEmail = await app.AddUser(Roles.Administrator);
        var home = await browser.Login(adminEmail, PtceApp.Password);
        Assert.Contains($"1 dossier(s) déposé(s) sur « {title} » attendent une session", home, StringComparison.Ordinal);
        Assert.Contains($"/Admin/Calls/Sessions?id={callId}", home, StringComparison.Ordinal);

        var planned = await browser.Post($"/Admin/Calls/Sessions?id={callId}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Comité de février",
            ["Input.CutOffDate"] = "2027-01-31",
            ["Input.MeetingDate"] = "2027-02-15",
        });
        var sessions = await planned.Content.ReadAsStringAsync();
        Assert.Contains("1 dossier(s) en attente", sessions, StringComparison.Ordinal);
        Assert.Contains("Comité de février", sessions, StringComparison.Ordinal);
        Assert.DoesNotContain(title, await browser.Get("/"), StringComparison.Ordinal);
    }

    /// <summary>A lead organisation registered through the API, and an application submitted directly in the domain.</summary>
    private async Task<FundingApplicationId> SubmitWithoutSession(Guid callId, FunderId funderId, string siret)
    {
        var organisationId = new OrganisationId(await app.RegisterOrganisation(siret));
        var now = app.Clock.GetUtcNow();
        return await app.Db(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == new CallId(callId));
            var lead = new MemberProfile(organisationId, $"Coopérative {siret}", LegalForm.Scic, true, "84");
            var userId = Guid.NewGuid();
            var application = FundingApplication.Start(FundingApplicationId.New(), call, call.Categories[0], 1, lead, "Pôle de coopération", userId, now).Value;
            Assert.True(application.DescribeProject(new ProjectDescription("Pôle de coopération", "Une filière de réemploi.", "Lyon", [], new DateOnly(2027, 1, 1), 1)).IsSuccess);
            Assert.True(application.PlanFinancing(
                new FinancingPlan([new ExpenseLine(1, ExpenseCategory.Staff, 1_000m)], [new ResourceLine(1, ResourceSource.State, 1_000m, funderId)]),
                [new RequestedAmount(funderId, 1_000m)]).IsSuccess);
            var submitted = application.Submit(call, [lead], [], [], [], userId, now);
            Assert.True(submitted.IsSuccess, submitted.Error?.Message + string.Join(" ; ", submitted.Error?.Failures.Select(f => f.Message) ?? []));
            Assert.True(application.IsUnscheduled);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });
    }

    private Task<CommitteeSessionId?> SessionOf(FundingApplicationId id) =>
        app.Db(db => db.Applications.Where(a => a.Id == id).Select(a => a.SessionId).SingleAsync());
}
