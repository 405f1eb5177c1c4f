using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Committee;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Committee;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Committee;

/// <summary>A committee session: its ranked agenda and envelopes, decisions, recusal, closing and what the consortium then reads.</summary>
public sealed class CommitteeSessionTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task The_agenda_ranks_the_eligible_proposed_files_by_score_and_warns_when_proposals_exceed_the_remaining_envelope()
    {
        var setup = await new CommitteeSetup(app).Start();
        var unscored = await setup.Eligible(state: 300_000m, region: 50_000m);
        var lower = await setup.Eligible(state: 400_000m, region: 50_000m);
        var higher = await setup.Eligible(state: 400_000m, region: 50_000m);
        var notInstructed = await setup.Submitted();
        app.Scores[lower] = new ApplicationScore(61.5m, 2);
        app.Scores[higher] = new ApplicationScore(84m, 3);
        var member = await setup.Member();

        var agenda = await CommitteeSetup.Agenda(member, setup.FirstSession);

        var items = agenda.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([higher, lower, unscored], items.Select(i => i.GetProperty("applicationId").GetGuid()));
        Assert.DoesNotContain(notInstructed, items.Select(i => i.GetProperty("applicationId").GetGuid()));
        Assert.Equal(84m, items[0].GetProperty("score").GetDecimal());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("score").ValueKind);
        Assert.Equal(450_000m, items[0].GetProperty("totalProposed").GetDecimal());
        Assert.Equal("Pôle coopératif du Rhône", items[0].GetProperty("title").GetString());
        Assert.Equal("SCIC Lyon Comité", items[0].GetProperty("leadName").GetString());

        var state = Envelope(agenda, setup.Consortium.State.Id.Value);
        Assert.Equal(1_000_000m, state.GetProperty("envelope").GetDecimal());
        Assert.Equal(1_100_000m, state.GetProperty("proposedInSession").GetDecimal());
        Assert.True(state.GetProperty("exceeded").GetBoolean());
        var region = Envelope(agenda, setup.Consortium.Region.Id.Value);
        Assert.Equal(150_000m, region.GetProperty("proposedInSession").GetDecimal());
        Assert.False(region.GetProperty("exceeded").GetBoolean());
        Assert.True(agenda.GetProperty("envelopeExceeded").GetBoolean());
    }

    [Fact]
    public async Task Accepting_commits_the_envelope_rejecting_needs_public_reasons_and_deferring_moves_the_file_to_the_next_session()
    {
        var setup = await new CommitteeSetup(app).Start();
        var (accepted, rejected, deferred) = (await setup.Eligible(600_000m, 0m), await setup.Eligible(100_000m, 0m), await setup.Eligible(100_000m, 0m));
        var member = await setup.Member();
        await setup.Open(setup.FirstSession);

        var accept = await setup.Accept(member, setup.FirstSession, accepted, state: 550_000m);
        var withoutReasons = await setup.Reject(member, setup.FirstSession, rejected, reasons: null);
        var reject = await setup.Reject(member, setup.FirstSession, rejected, reasons: "Le modèle économique n'est pas démontré.");
        var defer = await setup.Defer(member, setup.FirstSession, deferred);

        Assert.Equal(HttpStatusCode.Created, accept.StatusCode);
        Assert.Equal("Accepted", (await accept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, withoutReasons.StatusCode);
        Assert.Contains("PublicReasons", (await withoutReasons.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.Created, reject.StatusCode);
        Assert.Equal(HttpStatusCode.Created, defer.StatusCode);

        var statuses = await app.Db(db => db.Applications.Where(a => new[] { accepted, rejected, deferred }.Select(g => new FundingApplicationId(g)).Contains(a.Id))
            .ToDictionaryAsync(a => a.Id.Value, a => (a.Status, a.SessionId)));
        Assert.Equal((ApplicationStatus.Accepted, new CommitteeSessionId(setup.FirstSession)), statuses[accepted]);
        Assert.Equal(ApplicationStatus.Rejected, statuses[rejected].Status);
        Assert.Equal((ApplicationStatus.Eligible, new CommitteeSessionId(setup.NextSession)), statuses[deferred]);

        var state = Envelope(await CommitteeSetup.Agenda(member, setup.FirstSession), setup.Consortium.State.Id.Value);
        Assert.Equal(550_000m, state.GetProperty("committed").GetDecimal());
        Assert.Equal(450_000m, state.GetProperty("remaining").GetDecimal());
        Assert.Equal(0m, state.GetProperty("proposedInSession").GetDecimal());
        var decisionIds = await app.Db(db => db.CommitteeDecisions.Where(d => d.SessionId == new CommitteeSessionId(setup.FirstSession)).Select(d => d.Id.Value.ToString()).ToListAsync());
        Assert.Equal(3, decisionIds.Count);
        Assert.Equal(3, await app.Db(db => db.AuditEntries.CountAsync(e =>
            e.EntityType == nameof(CommitteeDecision) && e.Change == "Added" && e.Operation == nameof(RecordDecision) && decisionIds.Contains(e.EntityId))));
    }

    [Fact]
    public async Task A_superseding_decision_keeps_the_original_and_the_application_follows_the_new_one()
    {
        var setup = await new CommitteeSetup(app).Start();
        var id = await setup.Eligible(100_000m, 50_000m);
        var member = await setup.Member();
        await setup.Open(setup.FirstSession);
        (await setup.Accept(member, setup.FirstSession, id, 100_000m, 50_000m)).EnsureSuccessStatusCode();

        var correction = await setup.Reject(member, setup.FirstSession, id, "Le budget n'est pas étayé.", rationale: "Nouveau vote : 4 contre 3");

        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var decisions = await app.Db(db => db.CommitteeDecisions.Where(d => d.ApplicationId == new FundingApplicationId(id)).OrderBy(d => d.RecordedAt).ThenBy(d => d.SupersedesId.HasValue).ToListAsync());
        Assert.Equal(2, decisions.Count);
        var (original, current) = (decisions[0], decisions[1]);
        Assert.Equal(DecisionOutcome.Accepted, original.Outcome);
        Assert.Equal(150_000m, original.TotalAmount);
        Assert.NotNull(original.SupersededAt);
        Assert.Equal(original.Id, current.SupersedesId);
        Assert.True(current.IsCurrent);
        Assert.Equal(ApplicationStatus.Rejected, await app.Db(db => db.Applications.Where(a => a.Id == new FundingApplicationId(id)).Select(a => a.Status).SingleAsync()));

        var item = Assert.Single((await CommitteeSetup.Agenda(member, setup.FirstSession)).GetProperty("items").EnumerateArray());
        Assert.Equal("Rejected", item.GetProperty("currentDecision").GetProperty("outcome").GetString());
        Assert.Equal(original.Id.Value, Assert.Single(item.GetProperty("supersededDecisions").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CommitteeDecision) && e.EntityId == original.Id.ToString() && e.Change == "Modified")));
    }

    [Fact]
    public async Task Decisions_are_refused_before_the_session_opens_after_it_closes_and_on_a_file_that_is_not_eligible()
    {
        var setup = await new CommitteeSetup(app).Start();
        var eligible = await setup.Eligible(100_000m, 0m);
        var submitted = await setup.Submitted();
        var member = await setup.Member();

        var planned = await setup.Accept(member, setup.FirstSession, eligible, 100_000m);
        await setup.Open(setup.FirstSession);
        var notEligible = await setup.Accept(member, setup.FirstSession, submitted, 100_000m);
        (await setup.Accept(member, setup.FirstSession, eligible, 100_000m)).EnsureSuccessStatusCode();
        await setup.Close(setup.FirstSession);
        var closed = await setup.Reject(member, setup.FirstSession, eligible, "Correction après la séance");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, planned.StatusCode);
        Assert.Equal("session.not_open", await CommitteeSetup.Code(planned));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notEligible.StatusCode);
        Assert.Equal("application.transition_not_allowed", await CommitteeSetup.Code(notEligible));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closed.StatusCode);
        Assert.Equal("session.closed", await CommitteeSetup.Code(closed));
        var decision = Assert.Single(await app.Db(db => db.CommitteeDecisions.Where(d => d.SessionId == new CommitteeSessionId(setup.FirstSession)).ToListAsync()));
        Assert.Equal(DecisionOutcome.Accepted, decision.Outcome);
        Assert.True(decision.IsCurrent);
    }

    [Fact]
    public async Task A_member_who_declares_a_conflict_is_recused_from_that_item_only()
    {
        var setup = await new CommitteeSetup(app).Start();
        var (conflicted, other) = (await setup.Eligible(100_000m, 0m), await setup.Eligible(100_000m, 0m));
        app.Scores[conflicted] = new ApplicationScore(72m, 2);
        app.Scores[other] = new ApplicationScore(65m, 2);
        var member = await setup.Member();
        var colleague = await setup.Member();

        var declared = await member.PutAsJsonAsync($"/api/committee/sessions/{setup.FirstSession}/conflicts", new
        {
            declarations = new[] { new { applicationId = conflicted, hasConflict = true }, new { applicationId = other, hasConflict = false } },
        });
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);

        var items = (await CommitteeSetup.Agenda(member, setup.FirstSession)).GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("applicationId").GetGuid());
        Assert.True(items[conflicted].GetProperty("recused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, items[conflicted].GetProperty("score").ValueKind);
        Assert.False(items[other].GetProperty("recused").GetBoolean());
        Assert.Equal(65m, items[other].GetProperty("score").GetDecimal());
        var colleagueSees = (await CommitteeSetup.Agenda(colleague, setup.FirstSession)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("applicationId").GetGuid() == conflicted);
        Assert.Equal(72m, colleagueSees.GetProperty("score").GetDecimal());

        await setup.Open(setup.FirstSession);
        var recorded = await setup.Accept(member, setup.FirstSession, conflicted, 100_000m);
        var lateDeclaration = await colleague.PutAsJsonAsync($"/api/committee/sessions/{setup.FirstSession}/conflicts", new { declarations = new[] { new { applicationId = other, hasConflict = true } } });

        Assert.Equal(HttpStatusCode.Forbidden, recorded.StatusCode);
        Assert.Equal("committee.recused", await CommitteeSetup.Code(recorded));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lateDeclaration.StatusCode);
        Assert.Equal("session.already_open", await CommitteeSetup.Code(lateDeclaration));
        Assert.Equal(HttpStatusCode.Created, (await setup.Accept(colleague, setup.FirstSession, conflicted, 100_000m)).StatusCode);
    }

    [Fact]
    public async Task A_member_who_declared_a_conflict_on_a_file_reads_none_of_its_expert_opinions_and_a_colleague_still_does()
    {
        var setup = await new CommitteeSetup(app).Start();
        var conflicted = await setup.Eligible(100_000m, 0m);
        var member = await setup.Member();
        var colleague = await setup.Member();
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/reviews/applications/{conflicted}/opinions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/reviews/applications/{conflicted}/opinions")).StatusCode);

        (await member.PutAsJsonAsync($"/api/committee/sessions/{setup.FirstSession}/conflicts", new
        {
            declarations = new[] { new { applicationId = conflicted, hasConflict = true } },
        })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/reviews/applications/{conflicted}/opinions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/reviews/applications/{conflicted}/opinions")).StatusCode);
        Assert.Contains(conflicted, (await CommitteeSetup.Agenda(member, setup.FirstSession)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("applicationId").GetGuid()));
    }

    [Fact]
    public async Task Closing_rolls_an_undecided_file_to_the_next_session_and_tells_every_applicant_the_decision_without_the_rationale()
    {
        var setup = await new CommitteeSetup(app).Start();
        var (accepted, rejected, undecided) = (await setup.Eligible(100_000m, 40_000m), await setup.Eligible(100_000m, 0m), await setup.Eligible(100_000m, 0m));
        var member = await setup.Member();
        await setup.Open(setup.FirstSession);
        (await setup.Accept(member, setup.FirstSession, accepted, 90_000m, 40_000m)).EnsureSuccessStatusCode();
        (await setup.Reject(member, setup.FirstSession, rejected, "Le modèle économique n'est pas démontré.", rationale: "Vote confidentiel : 5 contre 2")).EnsureSuccessStatusCode();

        var beforeClosing = await Applications.Consortium.Get(setup.Lead, rejected);
        var closing = await setup.Close(setup.FirstSession);

        Assert.Equal(JsonValueKind.Null, beforeClosing.GetProperty("decision").ValueKind);
        Assert.Equal(2, closing.GetProperty("decided").GetInt32());
        Assert.Equal(1, closing.GetProperty("rolledOver").GetInt32());
        Assert.Equal(2, closing.GetProperty("notified").GetInt32());
        var rolled = await app.Db(db => db.Applications.Include(a => a.History).SingleAsync(a => a.Id == new FundingApplicationId(undecided)));
        Assert.Equal(new CommitteeSessionId(setup.NextSession), rolled.SessionId);
        Assert.Contains(rolled.History, e => e.Kind == ApplicationEventKind.RolledToNextSession && e.Details.Contains("Session 2", StringComparison.Ordinal));

        var published = (await Applications.Consortium.Get(setup.Lead, rejected)).GetProperty("decision");
        Assert.Equal("Rejected", published.GetProperty("outcome").GetString());
        Assert.Equal("Le modèle économique n'est pas démontré.", published.GetProperty("publicReasons").GetString());
        Assert.DoesNotContain(published.EnumerateObject(), p => p.Name is "rationale" or "score" or "opinions");
        var granted = (await Applications.Consortium.Get(setup.Lead, accepted)).GetProperty("decision");
        Assert.Equal(130_000m, granted.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(2, granted.GetProperty("durationYears").GetInt32());

        await app.DeliverNotifications();
        var references = await app.Db(db => db.Applications.Where(a => a.Id == new FundingApplicationId(rejected) || a.Id == new FundingApplicationId(accepted))
            .ToDictionaryAsync(a => a.Id.Value, a => a.Reference!));
        var mails = app.Mail.To(setup.LeadEmail);
        var refusal = Assert.Single(mails, m => m.Subject == $"Votre candidature {references[rejected]} n'est pas retenue");
        Assert.Contains("Le modèle économique n'est pas démontré.", refusal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vote confidentiel", refusal.Text, StringComparison.Ordinal);
        var acceptance = Assert.Single(mails, m => m.Subject == $"Votre candidature {references[accepted]} est retenue");
        Assert.Contains("90 000,00", acceptance.Text.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("Recrutement du coordinateur", acceptance.Text, StringComparison.Ordinal);
        Assert.Equal(2, await app.Db(db => db.Notifications.CountAsync(n => n.RecipientEmail == setup.LeadEmail && n.DeduplicationKey.StartsWith("committee-decision:"))));
    }

    [Fact]
    public async Task A_member_of_a_funder_that_does_not_fund_the_call_does_not_see_its_sessions()
    {
        var setup = await new CommitteeSetup(app).Start();
        var stranger = await app.ClientFor(Roles.CommitteeMember, await app.AddFunder(Domain.Funders.FunderKind.Region, "53"));
        var member = await setup.Member();

        var sessions = await stranger.GetFromJsonAsync<JsonElement>("/api/committee/sessions");
        var agenda = await stranger.GetAsync($"/api/committee/sessions/{setup.FirstSession}/agenda");

        Assert.DoesNotContain(setup.FirstSession, sessions.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, agenda.StatusCode);
        Assert.Contains(setup.FirstSession, (await member.GetFromJsonAsync<JsonElement>("/api/committee/sessions")).EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
    }

    private static JsonElement Envelope(JsonElement agenda, Guid funderId) =>
        agenda.GetProperty("envelopes").EnumerateArray().Single(e => e.GetProperty("funderId").GetGuid() == funderId);
}
