using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Applications;

/// <summary>A consortium prepares a draft together and the lead member submits it: rules, session, acknowledgement.</summary>
public sealed class ApplicationSubmissionTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_valid_application_submitted_late_on_the_cut_off_day_joins_that_session_and_is_acknowledged_by_email()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Lyon Coop");
        var partnerId = await consortium.Organisation("Association Partenaire", LegalForm.Association);
        var (email, lead) = await consortium.VerifiedUserOf(leadId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await consortium.AttachStatutes(id);
        var draft = await Consortium.Get(lead, id);
        Assert.Empty(draft.GetProperty("completeness").EnumerateArray());

        app.Clock.Now = new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero); // 23:30 in Paris, still 31 December
        lead = await app.ClientFor(email); // a new token: the previous one expired with the clock's jump
        var response = await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = draft.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reference = receipt.GetProperty("reference").GetString()!;
        Assert.Matches("^PTCE-2026-[0-9A-F]{10}$", reference);
        Assert.Equal("Session 1", receipt.GetProperty("sessionName").GetString());
        var submitted = await Consortium.Get(lead, id);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(reference, submitted.GetProperty("reference").GetString());

        await app.DeliverNotifications();
        var mail = Assert.Single(app.Mail.To(email), m => m.Subject == $"Accusé de réception de votre candidature {reference}");
        Assert.Contains("déposée le 31/12/2026 à 23:30", mail.Text, StringComparison.Ordinal);
        Assert.Contains("session « Session 1 » (dépôts jusqu'au 31/12/2026, comité du 20/01/2027)", mail.Text, StringComparison.Ordinal);

        var edit = await lead.PutAsJsonAsync($"/api/applications/{id}/project", new { expectedVersion = submitted.GetProperty("version").GetInt32(), title = "Autre titre" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        Assert.Equal("application.frozen", await Code(edit));
    }

    [Fact]
    public async Task An_application_submitted_just_after_the_cut_off_day_joins_the_next_session()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCOP du Beaujolais", LegalForm.Scop);
        var partnerId = await consortium.Organisation("Commune partenaire", LegalForm.LocalAuthority, isEss: false);
        var (email, lead) = await consortium.VerifiedUserOf(leadId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await consortium.AttachStatutes(id);

        app.Clock.Now = new DateTimeOffset(2026, 12, 31, 23, 10, 0, TimeSpan.Zero); // 00:10 on 1 January in Paris
        lead = await app.ClientFor(email);
        var response = await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = await Consortium.VersionOf(lead, id) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Session 2", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionName").GetString());
    }

    public static TheoryData<string> EligibilityRules => new()
    {
        "eligibility.ess_member_required",
        "eligibility.too_few_members",
        "eligibility.legal_form_not_allowed",
        "eligibility.outside_territory",
        "eligibility.amount_above_maximum",
        "eligibility.duration_above_maximum",
    };

    [Theory]
    [MemberData(nameof(EligibilityRules))]
    public async Task Each_eligibility_rule_refuses_the_submission_with_its_code_and_nothing_changes(string code)
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var rules = code switch
        {
            "eligibility.too_few_members" => Consortium.Rules(minimumMembers: 3),
            "eligibility.legal_form_not_allowed" => Consortium.Rules(legalForms: [LegalForm.Scic, LegalForm.Scop]),
            "eligibility.outside_territory" => Consortium.Rules(regions: ["53"]),
            "eligibility.amount_above_maximum" => Consortium.Rules(maximumAmount: 99_999.99m),
            "eligibility.duration_above_maximum" => Consortium.Rules(maximumDuration: 1),
            _ => Consortium.Rules(),
        };
        var callId = await consortium.PublishedCall(rules, new DateOnly(2027, 3, 31));
        var noneEss = code == "eligibility.ess_member_required";
        var leadId = await consortium.Organisation("SAS Chef de file", noneEss ? LegalForm.Sas : LegalForm.Scic, isEss: !noneEss);
        var partnerId = await consortium.Organisation("Association membre", LegalForm.Association, isEss: !noneEss);
        var (_, lead) = await consortium.VerifiedUserOf(leadId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await consortium.AttachStatutes(id);
        var version = await Consortium.VersionOf(lead, id);

        var response = await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = version });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application.not_submittable", problem.GetProperty("code").GetString());
        var failure = Assert.Single(problem.GetProperty("failures").EnumerateArray());
        Assert.Equal(code, failure.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(failure.GetProperty("message").GetString()));
        var after = await Consortium.Get(lead, id);
        Assert.Equal("Draft", after.GetProperty("status").GetString());
        Assert.Equal(version, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_unbalanced_financing_plan_and_a_missing_document_are_refused_together_in_one_answer()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Plan");
        var partnerId = await consortium.Organisation("Association Plan", LegalForm.Association);
        var (_, lead) = await consortium.VerifiedUserOf(leadId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        var version = await Consortium.Put(lead, id, "financing", await Consortium.VersionOf(lead, id), consortium.Plan(2, 30_000m, 20_000m, imbalanceInLastYear: 0.01m));

        var response = await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = version });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var failures = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("failures").EnumerateArray().ToList();
        Assert.Equal(["plan.unbalanced", "application.document_missing"], failures.Select(f => f.GetProperty("code").GetString()));
        Assert.Equal("Le plan de financement de l'année 2 n'est pas équilibré : 60 000,01 € de dépenses pour 60 000,00 € de ressources.", failures[0].GetProperty("message").GetString()!.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal("Draft", (await Consortium.Get(lead, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_api_refuses_an_own_revenue_line_that_names_a_funder_as_the_page_does_and_changes_nothing()
    {
        var (consortium, lead, id) = await CompleteDraft("Recettes");
        var before = await Consortium.Get(lead, id);

        var response = await lead.PutAsJsonAsync($"/api/applications/{id}/financing", new
        {
            expectedVersion = before.GetProperty("version").GetInt32(),
            expenses = new[] { new { year = 1, category = "Staff", amount = 10_000m, label = "Coordination" } },
            resources = new[] { new { year = 1, source = "OwnRevenue", amount = 10_000m, funderId = consortium.State.Id.Value } },
            requestedAmounts = Array.Empty<object>(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Un financeur de l'appel se choisit pour une ressource de l'État ou de la Région.", problem.GetProperty("errors").GetProperty("Resources[0].FunderId")[0].GetString());
        Assert.Equal(before.GetProperty("version").GetInt32(), await Consortium.VersionOf(lead, id));
    }

    [Fact]
    public async Task An_edit_without_the_version_it_read_is_refused_with_400_and_changes_nothing()
    {
        var (_, lead, id) = await CompleteDraft("Version");
        var version = await Consortium.VersionOf(lead, id);

        var response = await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("ExpectedVersion", out _));
        Assert.Equal(version, await Consortium.VersionOf(lead, id));
        Assert.Equal("Draft", (await Consortium.Get(lead, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_a_future_session_the_application_is_accepted_and_waits_unscheduled()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2026, 12, 15));
        var leadId = await consortium.Organisation("SCIC Sans session");
        var partnerId = await consortium.Organisation("Association Sans session", LegalForm.Association);
        var (email, lead) = await consortium.VerifiedUserOf(leadId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await consortium.AttachStatutes(id);
        app.Clock.Now = new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.Zero);
        lead = await app.ClientFor(email);

        var response = await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = await Consortium.VersionOf(lead, id) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, receipt.GetProperty("sessionId").ValueKind);
        var submitted = await Consortium.Get(lead, id);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.True(submitted.GetProperty("isUnscheduled").GetBoolean());
        await app.DeliverNotifications();
        Assert.Contains("sera rattaché à la prochaine session", Assert.Single(app.Mail.To(email), m => m.Subject.StartsWith("Accusé de réception", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_keeps_the_rules_version_it_was_filed_under_when_the_call_rules_change()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Version");
        var partnerId = await consortium.Organisation("Association Version", LegalForm.Association);
        var (_, lead) = await consortium.VerifiedUserOf(leadId);
        var first = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await consortium.AttachStatutes(first);
        (await lead.PostAsJsonAsync($"/api/applications/{first}/submit", new { expectedVersion = await Consortium.VersionOf(lead, first) })).EnsureSuccessStatusCode();

        await app.Db(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            Assert.True(call.ChangeRules(Consortium.Rules(maximumAmount: 50_000m), app.Clock.Now).IsSuccess);
            return await db.SaveChangesAsync();
        });
        var second = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await consortium.AttachStatutes(second);
        var refused = await lead.PostAsJsonAsync($"/api/applications/{second}/submit", new { expectedVersion = await Consortium.VersionOf(lead, second) });

        var filed = await Consortium.Get(lead, first);
        Assert.Equal(1, filed.GetProperty("rulesVersion").GetInt32());
        Assert.Equal(200_000m, filed.GetProperty("rules").GetProperty("eligibility").GetProperty("maximumAmount").GetDecimal());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("eligibility.amount_above_maximum", await Codes(refused));
        Assert.Equal(2, (await Consortium.Get(lead, second)).GetProperty("rulesVersion").GetInt32());
    }

    [Fact]
    public async Task Two_consortium_users_editing_the_same_version_the_second_gets_409_with_the_current_version()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Concurrence");
        var partnerId = await consortium.Organisation("Association Concurrence", LegalForm.Association);
        var (_, lead) = await consortium.VerifiedUserOf(leadId);
        var (partnerEmail, partner) = await consortium.VerifiedUserOf(partnerId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        (await lead.PostAsJsonAsync($"/api/applications/{id}/contributors", new { email = partnerEmail })).EnsureSuccessStatusCode();
        var read = await Consortium.VersionOf(partner, id);

        var first = await lead.PutAsJsonAsync($"/api/applications/{id}/project", new { expectedVersion = read, title = "Titre du chef de file", durationYears = 2 });
        var second = await partner.PutAsJsonAsync($"/api/applications/{id}/project", new { expectedVersion = read, title = "Titre du partenaire", durationYears = 2 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("concurrency.stale", problem.GetProperty("code").GetString());
        Assert.Equal(read + 1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal("Titre du chef de file", (await Consortium.Get(partner, id)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_draft_withdrawn_before_it_was_ever_submitted_stays_the_consortiums_own()
    {
        var (_, lead, id) = await CompleteDraft("Retrait");
        (await lead.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { expectedVersion = await Consortium.VersionOf(lead, id), reason = "Projet abandonné" }))
            .EnsureSuccessStatusCode();
        var platformAdministrator = await app.ClientFor(Roles.Administrator, null);
        var nationalOfficer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateNational, null));
        var nationalMember = await app.ClientFor(Roles.CommitteeMember, await app.AddFunder(FunderKind.StateNational, null));

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platformAdministrator.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nationalOfficer.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platformAdministrator.GetAsync($"/api/applications/{id}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nationalMember.GetAsync($"/api/reviews/applications/{id}/opinions")).StatusCode);
    }

    [Fact]
    public async Task An_invited_contributor_edits_the_draft_but_only_the_lead_member_submits_or_withdraws()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Invitation");
        var partnerId = await consortium.Organisation("Association Invitée", LegalForm.Association);
        var (_, lead) = await consortium.VerifiedUserOf(leadId);
        var (partnerEmail, partner) = await consortium.VerifiedUserOf(partnerId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await consortium.AttachStatutes(id);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/applications/{id}")).StatusCode);

        var invited = await lead.PostAsJsonAsync($"/api/applications/{id}/contributors", new { email = partnerEmail });
        await app.DeliverNotifications();

        Assert.Equal(HttpStatusCode.NoContent, invited.StatusCode);
        Assert.Contains(app.Mail.To(partnerEmail), m => m.Subject == "Vous êtes invité à contribuer à la candidature « Pôle coopératif du Rhône »");
        var version = await Consortium.Put(partner, id, "indicators", await Consortium.VersionOf(partner, id), new { indicators = new[] { new { code = "emplois", baseline = 5m, yearlyTargets = new[] { 6m, 8m } } } });
        var bySubmitting = await partner.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = version });
        var byWithdrawing = await partner.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { expectedVersion = version });
        Assert.Equal(HttpStatusCode.Forbidden, bySubmitting.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byWithdrawing.StatusCode);

        var submitted = await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = version });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var withdrawn = await lead.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { expectedVersion = await Consortium.VersionOf(lead, id), reason = "Projet reporté" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", (await Consortium.Get(lead, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_user_of_another_consortium_and_an_officer_of_another_region_get_404_and_never_see_it_listed()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadA = await consortium.Organisation("SCIC A");
        var partnerA = await consortium.Organisation("Association A", LegalForm.Association);
        var leadB = await consortium.Organisation("SCIC B");
        var (_, userA) = await consortium.VerifiedUserOf(leadA);
        var (_, userB) = await consortium.VerifiedUserOf(leadB);
        var id = await consortium.CompleteDraft(userA, callId, leadA, partnerA);
        await consortium.AttachStatutes(id);
        var lyonOfficer = await app.ClientFor(Roles.ProgramOfficer, consortium.State); // a funder of the call, in the lead's region
        var otherLyonOfficer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84")); // same region, not a funder of the call
        var rennesOfficer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "53"));
        Assert.Equal(HttpStatusCode.NotFound, (await lyonOfficer.GetAsync($"/api/applications/{id}")).StatusCode); // a draft is the consortium's own

        (await userA.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = await Consortium.VersionOf(userA, id) })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await userB.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await userB.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { expectedVersion = 0 })).StatusCode);
        Assert.DoesNotContain((await userB.GetFromJsonAsync<JsonElement>("/api/applications")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await rennesOfficer.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLyonOfficer.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.DoesNotContain((await rennesOfficer.GetFromJsonAsync<JsonElement>("/api/applications")).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await lyonOfficer.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lyonOfficer.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { expectedVersion = 0 })).StatusCode);
        var finance = await app.ClientFor(Roles.FinanceOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/api/applications/{id}")).StatusCode);
    }

    [Fact]
    public async Task Only_a_verified_user_of_the_lead_member_starts_a_draft_and_a_retry_starts_nothing_more()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Départ");
        var (_, lead) = await consortium.VerifiedUserOf(leadId);
        var stranger = await app.ClientFor(Roles.Applicant, null);
        var id = Guid.NewGuid();
        var body = new { id, callId = callId.Value, category = Consortium.Emerging, stage = 1, leadOrganisationId = leadId, title = "Projet" };

        var refused = await stranger.PostAsJsonAsync("/api/applications", body with { id = Guid.NewGuid() });
        var started = await lead.PostAsJsonAsync("/api/applications", body);
        var retried = await lead.PostAsJsonAsync("/api/applications", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application.lead_not_verified", await Code(refused));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, await app.Db(db => db.Applications.CountAsync(a => a.LeadOrganisationId == new OrganisationId(leadId))));
    }

    private static async Task<string?> Code(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    private static async Task<List<string?>> Codes(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("code").GetString())];

    /// <summary>A complete draft of a published call, by a SCIC lead member and an association (« {name} »), as its lead's user.</summary>
    private Task<(Consortium Consortium, HttpClient Lead, Guid Id)> CompleteDraft(string name) => Consortium.CompleteDraft(app, name);
}
