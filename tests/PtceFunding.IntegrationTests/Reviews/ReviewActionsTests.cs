using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;

namespace PtceFunding.IntegrationTests.Reviews;

/// <summary>The program officer instructs a submitted application: assignment, corrections, completeness, eligibility, proposal.</summary>
public sealed class ReviewActionsTests(PtceApp app) : IClassFixture<PtceApp>
{
    private static readonly object Corrections = new { items = new[] { "Joindre le budget signé", "Préciser le rôle du partenaire" }, dueOn = "2026-12-15" };

    [Fact]
    public async Task Corrections_go_back_to_the_consortium_which_edits_and_resubmits_and_the_history_keeps_both_steps()
    {
        var file = await UnderReview.Submitted(app, "SCIC Corrections");
        await file.Ensure("assignment");

        var requested = await file.Act("corrections", Corrections);

        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        await app.DeliverNotifications();
        var mail = Assert.Single(app.Mail.To(file.LeadEmail), m => m.Subject == $"Des corrections sont demandées sur votre dossier {file.Reference}");
        Assert.Contains("Joindre le budget signé", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Préciser le rôle du partenaire", mail.Text, StringComparison.Ordinal);
        Assert.Contains("au plus tard le 15/12/2026", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/Portail/Candidatures/Dossier?id={file.Id}", mail.Text, StringComparison.Ordinal);

        var sentBack = await Consortium.Get(file.Lead, file.Id);
        Assert.Equal("CorrectionsRequested", sentBack.GetProperty("status").GetString());
        Assert.True(sentBack.GetProperty("canEdit").GetBoolean());
        Assert.Equal(["Joindre le budget signé", "Préciser le rôle du partenaire"], sentBack.GetProperty("correctionItems").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("2026-12-15", sentBack.GetProperty("correctionsDueOn").GetString());
        var consortiumHistory = Kinds(sentBack.GetProperty("history"));
        Assert.Equal(["Submitted", "CorrectionsRequested"], consortiumHistory); // the assignment is internal to the funders

        var edited = await Consortium.Put(file.Lead, file.Id, "project", sentBack.GetProperty("version").GetInt32(), new
        {
            title = "Pôle coopératif du Rhône",
            description = "Mutualiser un atelier ; le partenaire anime la plateforme logistique.",
            territory = "Métropole de Lyon",
            sectors = new[] { "Économie circulaire" },
            startDate = "2027-01-01",
            durationYears = 2,
        });
        var resubmitted = await file.Lead.PostAsJsonAsync($"/api/applications/{file.Id}/resubmit", new { expectedVersion = edited });

        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        var back = await file.ReviewView();
        Assert.Equal("Submitted", back.GetProperty("application").GetProperty("status").GetString());
        Assert.Empty(back.GetProperty("application").GetProperty("correctionItems").EnumerateArray());
        var history = back.GetProperty("application").GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Submitted", "Assigned", "CorrectionsRequested", "Resubmitted"], Kinds(back.GetProperty("application").GetProperty("history")));
        Assert.Contains("Joindre le budget signé ; Préciser le rôle du partenaire", history[2].GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Equal(Roles.ProgramOfficer, history[2].GetProperty("actorName").GetString()); // test accounts are named after their role
        Assert.Equal(Roles.Applicant, history[3].GetProperty("actorName").GetString());
        await app.DeliverNotifications();
        Assert.Single(app.Mail.To(file.OfficerEmail), m => m.Subject == $"Le dossier {file.Reference} a été redéposé");
        var frozen = await file.Lead.PutAsJsonAsync($"/api/applications/{file.Id}/project", new { expectedVersion = await Consortium.VersionOf(file.Lead, file.Id), title = "Autre titre" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, frozen.StatusCode);
    }

    [Fact]
    public async Task A_resubmission_answers_every_failure_at_once_and_the_application_stays_with_the_consortium()
    {
        var file = await UnderReview.Submitted(app, "SCIC Pièce retirée");
        await file.Ensure("corrections", Corrections);
        var statutes = await app.Db(db => db.ApplicationDocuments.Where(d => d.ApplicationId == new Domain.Applications.FundingApplicationId(file.Id)).Select(d => d.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await file.Lead.DeleteAsync($"/api/applications/{file.Id}/documents/{statutes}")).StatusCode);
        var version = await Consortium.Put(file.Lead, file.Id, "financing", await Consortium.VersionOf(file.Lead, file.Id), file.Consortium.Plan(2, 30_000m, 20_000m, imbalanceInLastYear: 0.01m));

        var refused = await file.Lead.PostAsJsonAsync($"/api/applications/{file.Id}/resubmit", new { expectedVersion = version });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application.not_submittable", problem.GetProperty("code").GetString());
        Assert.Equal(["plan.unbalanced", "application.document_missing"], problem.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        Assert.Equal("CorrectionsRequested", (await Consortium.Get(file.Lead, file.Id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_correction_due_date_that_is_not_after_today_in_the_call_time_zone_is_refused()
    {
        var file = await UnderReview.Submitted(app, "SCIC Échéance");

        var today = await file.Act("corrections", new { items = new[] { "Joindre le budget" }, dueOn = "2026-12-01" });
        var noItems = await file.Act("corrections", new { items = new[] { "  " }, dueOn = "2026-12-15" });

        Assert.Equal(HttpStatusCode.BadRequest, today.StatusCode);
        Assert.Contains("dueOn", (await today.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, noItems.StatusCode);
        Assert.Equal("Submitted", (await file.ReviewView()).GetProperty("application").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_complete_application_is_declared_eligible_and_each_transition_is_audited_and_in_the_history()
    {
        var file = await UnderReview.Submitted(app, "SCIC Éligible");

        Assert.Equal(HttpStatusCode.OK, (await file.Act("completeness")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await file.Act("eligibility", new { eligible = true })).StatusCode);

        var view = await file.ReviewView();
        Assert.Equal("Eligible", view.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal(["Submitted", "CompletenessConfirmed", "DeclaredEligible"], Kinds(view.GetProperty("application").GetProperty("history")));
        var operations = await Operations(file.Id);
        Assert.Contains("ConfirmCompleteness", operations);
        Assert.Contains("DeclareEligibility", operations);
    }

    [Fact]
    public async Task Ineligibility_needs_reasons_which_the_consortium_receives_and_reads()
    {
        var file = await UnderReview.Submitted(app, "SCIC Inéligible");
        await file.Ensure("completeness");

        var withoutReasons = await file.Act("eligibility", new { eligible = false, reasons = " " });
        var declared = await file.Act("eligibility", new { eligible = false, reasons = "Le consortium ne compte aucune collectivité partenaire." });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReasons.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var consortiumView = await Consortium.Get(file.Lead, file.Id);
        Assert.Equal("Ineligible", consortiumView.GetProperty("status").GetString());
        Assert.Equal("Le consortium ne compte aucune collectivité partenaire.", consortiumView.GetProperty("ineligibilityReasons").GetString());
        Assert.Contains("DeclaredIneligible", Kinds(consortiumView.GetProperty("history")));
        await app.DeliverNotifications();
        var mail = Assert.Single(app.Mail.To(file.LeadEmail), m => m.Subject == $"Votre dossier {file.Reference} n'est pas éligible");
        Assert.Contains("Motifs : Le consortium ne compte aucune collectivité partenaire.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("DeclareEligibility", await Operations(file.Id));
    }

    [Fact]
    public async Task Transitions_the_state_machine_does_not_allow_are_refused_with_422_and_a_stable_code()
    {
        var file = await UnderReview.Submitted(app, "SCIC Transitions");

        var eligibleTooSoon = await file.Act("eligibility", new { eligible = true });
        await file.Ensure("completeness");
        var completeTwice = await file.Act("completeness");
        var resubmitUnasked = await file.Lead.PostAsJsonAsync($"/api/applications/{file.Id}/resubmit", new { expectedVersion = await file.Version() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, eligibleTooSoon.StatusCode);
        Assert.Equal("application.transition_not_allowed", await UnderReview.Code(eligibleTooSoon));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, completeTwice.StatusCode);
        Assert.Equal("application.transition_not_allowed", await UnderReview.Code(completeTwice));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resubmitUnasked.StatusCode);
        Assert.Equal("application.transition_not_allowed", await UnderReview.Code(resubmitUnasked));
        Assert.Equal("Complete", (await file.ReviewView()).GetProperty("application").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_action_on_an_outdated_read_gets_409_with_the_current_version()
    {
        var file = await UnderReview.Submitted(app, "SCIC Concurrence");
        var read = await file.Version();
        await file.Ensure("assignment");

        var stale = await file.Act("completeness", expectedVersion: read);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("concurrency.stale", problem.GetProperty("code").GetString());
        Assert.Equal(read + 1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal("Submitted", (await file.ReviewView()).GetProperty("application").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Officers_outside_the_routing_get_404_on_every_review_endpoint()
    {
        var file = await UnderReview.Submitted(app, "SCIC Routage");
        var version = await file.Version();
        var otherRegion = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "53"));
        var notFundingTheCall = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));

        foreach (var outsider in new[] { otherRegion, notFundingTheCall })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(file.Review)).StatusCode);
            var actions = new (string Action, object? Body)[]
            {
                ("assignment", null),
                ("corrections", Corrections),
                ("completeness", null),
                ("eligibility", new { eligible = true }),
                ("proposal", new { report = "Rapport", amounts = new[] { new { funderId = file.Consortium.State.Id.Value, amount = 50_000m } }, durationYears = 2, shape = "Flat" }),
            };
            foreach (var (action, body) in actions)
            {
                var response = await file.Act(action, body, outsider, version);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action}: expected 404, got {(int)response.StatusCode}");
                Assert.Equal("application.not_found", await UnderReview.Code(response));
            }
        }

        Assert.Equal(version, await file.Version());
    }

    [Fact]
    public async Task The_file_is_handed_to_an_officer_of_the_same_funder_only_and_the_history_keeps_every_assignment()
    {
        var file = await UnderReview.Submitted(app, "SCIC Réattribution");
        var colleague = await app.AddUser(Roles.ProgramOfficer, file.Consortium.State);
        var colleagueId = await UserId(colleague);
        var regionOfficerId = await UserId(await app.AddUser(Roles.ProgramOfficer, file.Consortium.Region));
        var reviewerId = await UserId(await app.AddUser(Roles.Reviewer, file.Consortium.State));
        await file.Ensure("assignment");

        var toOtherFunder = await file.Act("assignment", new { officerId = regionOfficerId });
        var toReviewer = await file.Act("assignment", new { officerId = reviewerId });
        var toColleague = await file.Act("assignment", new { officerId = colleagueId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, toOtherFunder.StatusCode);
        Assert.Equal("assignment.officer_invalid", await UnderReview.Code(toOtherFunder));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, toColleague.StatusCode);
        var view = await file.ReviewView();
        Assert.Equal(colleagueId, view.GetProperty("assignedOfficer").GetProperty("id").GetGuid());
        Assert.False(view.GetProperty("assignedToMe").GetBoolean());
        Assert.Contains(colleagueId, view.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(regionOfficerId, view.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        var assignments = view.GetProperty("application").GetProperty("history").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Assigned").ToList();
        Assert.Equal(2, assignments.Count);
        Assert.StartsWith("Dossier pris en charge par", assignments[0].GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Dossier réattribué à", assignments[1].GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await Operations(file.Id)).Count(o => o == "AssignApplication"));
    }

    [Fact]
    public async Task The_proposal_names_only_funders_of_the_call_and_is_kept_with_the_report()
    {
        var file = await UnderReview.Submitted(app, "SCIC Proposition");
        var stranger = await app.AddFunder(FunderKind.Region, "84");
        await file.Ensure("completeness");
        var state = file.Consortium.State.Id.Value;

        var foreign = await file.Act("proposal", new { report = "Rapport", amounts = new[] { new { funderId = stranger.Id.Value, amount = 10_000m } }, durationYears = 2, shape = "Flat" });
        var tooLong = await file.Act("proposal", new { report = "Rapport", amounts = new[] { new { funderId = state, amount = 10_000m } }, durationYears = 6, shape = "Flat" });
        var proposed = await file.Act("proposal", new
        {
            report = "Projet solide, ancrage territorial avéré.",
            amounts = new[] { new { funderId = state, amount = 45_000m }, new { funderId = file.Consortium.Region.Id.Value, amount = 30_000m } },
            durationYears = 3,
            shape = "Tapering",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Equal("proposal.funder_not_in_call", await UnderReview.Code(foreign));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var proposal = (await file.ReviewView()).GetProperty("proposal");
        Assert.Equal("Projet solide, ancrage territorial avéré.", proposal.GetProperty("report").GetString());
        Assert.Equal(75_000m, proposal.GetProperty("total").GetDecimal());
        Assert.Equal(3, proposal.GetProperty("durationYears").GetInt32());
        Assert.Equal("Tapering", proposal.GetProperty("shape").GetString());
        var consortiumView = await Consortium.Get(file.Lead, file.Id);
        Assert.DoesNotContain("Proposed", Kinds(consortiumView.GetProperty("history")));
        Assert.Contains("ProposeFunding", await Operations(file.Id));
    }

    private static List<string?> Kinds(JsonElement history) => [.. history.EnumerateArray().Select(e => e.GetProperty("kind").GetString())];

    private async Task<List<string>> Operations(Guid applicationId) =>
        await app.Db(db => db.AuditEntries.Where(a => a.EntityType == "FundingApplication" && a.EntityId == applicationId.ToString()).Select(a => a.Operation).ToListAsync());

    private async Task<Guid> UserId(string email) => await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
