using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Committee;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;

namespace PtceFunding.IntegrationTests.Committee;

/// <summary>
/// The application with review scores the test sets (the reviewers' feature is not the committee's):
/// a score per application id, absent when the application has none.
/// </summary>
public sealed class CommitteeApp : PtceApp
{
    public ConcurrentDictionary<Guid, ApplicationScore> Scores { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IApplicationScores>(new FixedScores(Scores)));
    }

    private sealed class FixedScores(ConcurrentDictionary<Guid, ApplicationScore> scores) : IApplicationScores
    {
        public bool RequiresOpinion => false;

        public Task<IReadOnlyDictionary<Guid, ApplicationScore>> For(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, ApplicationScore>>(applicationIds.Where(scores.ContainsKey).ToDictionary(id => id, id => scores[id]));
    }
}

/// <summary>
/// A published call of the State (envelope 1 000 000 €) and the Region (500 000 €) with two sessions
/// (cut-offs 31/12/2026 and 31/03/2027), a lead organisation and its verified user; applications are
/// submitted through the API and brought to eligible with a proposal through the domain (the officers'
/// endpoints are not the committee's).
/// </summary>
internal sealed class CommitteeSetup(PtceApp app)
{
    public Consortium Consortium { get; private set; } = null!;

    public CallId CallId { get; private set; }

    public Guid FirstSession { get; private set; }

    public Guid NextSession { get; private set; }

    public string LeadEmail { get; private set; } = "";

    public HttpClient Lead { get; private set; } = null!;

    public Guid LeadOrganisationId { get; private set; }

    public Guid PartnerOrganisationId { get; private set; }

    public async Task<CommitteeSetup> Start()
    {
        app.Clock.Now = Consortium.Today;
        Consortium = await new Consortium(app).WithFunders();
        CallId = await Consortium.PublishedCall(null, new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31));
        var sessions = await app.Db(db => db.CommitteeSessions.Where(s => s.CallId == CallId).OrderBy(s => s.CutOffDate).Select(s => s.Id.Value).ToListAsync());
        (FirstSession, NextSession) = (sessions[0], sessions[1]);
        LeadOrganisationId = await Consortium.Organisation("SCIC Lyon Comité");
        PartnerOrganisationId = await Consortium.Organisation("Association Partenaire Comité", LegalForm.Association);
        (LeadEmail, Lead) = await Consortium.VerifiedUserOf(LeadOrganisationId);
        return this;
    }

    /// <summary>A submitted application (on the first session's agenda, not yet instructed).</summary>
    public async Task<Guid> Submitted()
    {
        var id = await Consortium.CompleteDraft(Lead, CallId, LeadOrganisationId, PartnerOrganisationId);
        await Consortium.AttachStatutes(id);
        var response = await Lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = await Consortium.VersionOf(Lead, id) });
        response.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A submitted application declared complete and eligible, with the officer's proposal (amounts in euros).</summary>
    public async Task<Guid> Eligible(decimal state, decimal region, int years = 2)
    {
        var id = await Submitted();
        var officerId = Guid.NewGuid();
        await app.Db(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == new FundingApplicationId(id));
            var now = app.Clock.GetUtcNow();
            Assert.True(application.ConfirmCompleteness(officerId, now).IsSuccess);
            Assert.True(application.DeclareEligibility(true, null, officerId, now).IsSuccess);
            Assert.True(application.Propose(
                "Rapport d'instruction favorable.",
                [.. new RequestedAmount[] { new(Consortium.State.Id, state), new(Consortium.Region.Id, region) }.Where(a => a.Amount > 0)],
                years,
                ScheduleShape.Flat,
                officerId,
                now).IsSuccess);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    public async Task<HttpClient> Member() => await app.ClientFor(Roles.CommitteeMember, Consortium.State);

    public async Task<HttpClient> Officer() => await app.ClientFor(Roles.ProgramOfficer, Consortium.State);

    public async Task Open(Guid session) => (await (await Officer()).PostAsync($"/api/committee/sessions/{session}/open", null)).EnsureSuccessStatusCode();

    public async Task<JsonElement> Close(Guid session)
    {
        var response = await (await Officer()).PostAsync($"/api/committee/sessions/{session}/close", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> Agenda(HttpClient member, Guid session) =>
        await member.GetFromJsonAsync<JsonElement>($"/api/committee/sessions/{session}/agenda");

    public async Task<int> VersionOf(Guid applicationId) =>
        await app.Db(db => db.Applications.Where(a => a.Id == new FundingApplicationId(applicationId)).Select(a => a.Version).SingleAsync());

    public async Task<HttpResponseMessage> Accept(HttpClient member, Guid session, Guid applicationId, decimal state, decimal region = 0m, string rationale = "Vote : unanimité") =>
        await Decide(member, session, applicationId, new
        {
            outcome = "Accepted",
            amounts = new[] { new { funderId = Consortium.State.Id.Value, amount = state }, new { funderId = Consortium.Region.Id.Value, amount = region } }.Where(a => a.amount > 0).ToArray(),
            durationYears = 2,
            conditions = "Recrutement du coordinateur avant le démarrage.",
            rationale,
        });

    public async Task<HttpResponseMessage> Reject(HttpClient member, Guid session, Guid applicationId, string? reasons, string rationale = "Vote : 5 contre, 2 pour") =>
        await Decide(member, session, applicationId, new { outcome = "Rejected", publicReasons = reasons, rationale });

    public async Task<HttpResponseMessage> Defer(HttpClient member, Guid session, Guid applicationId) =>
        await Decide(member, session, applicationId, new { outcome = "Deferred", rationale = "Plan de financement à préciser" });

    private async Task<HttpResponseMessage> Decide(HttpClient member, Guid session, Guid applicationId, object decision)
    {
        var body = JsonSerializer.SerializeToElement(decision).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["applicationId"] = applicationId;
        body["expectedVersion"] = await VersionOf(applicationId);
        return await member.PostAsJsonAsync($"/api/committee/sessions/{session}/decisions", body);
    }

    public static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
