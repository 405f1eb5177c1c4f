using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;
using static PtceFunding.IntegrationTests.Reviews.ReviewedApplication;

namespace PtceFunding.IntegrationTests.Reviews;

/// <summary>Experts on an application: assignment, declaration of interests, scoring on the filed grid, opinions and who reads them.</summary>
public sealed class ReviewerTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_reviewer_is_told_and_blocked_until_declaring_no_conflict_then_reads_the_file_and_its_grid()
    {
        var application = await Submitted(app);
        var (email, reviewer, assignmentId) = await application.AssignedReviewer();

        var mine = await reviewer.GetFromJsonAsync<JsonElement>("/api/expertise");
        var line = Assert.Single(mine.EnumerateArray());
        Assert.Equal(application.Reference, line.GetProperty("reference").GetString());
        Assert.Equal("Pending", line.GetProperty("declaration").GetString());
        Assert.False(line.TryGetProperty("description", out _));

        var blocked = await reviewer.GetAsync($"/api/expertise/{assignmentId}");
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("review.declaration_required", await Code(blocked));
        var blockedOpinion = await reviewer.PostAsJsonAsync($"/api/expertise/{assignmentId}/opinion", Opinion());
        Assert.Equal(HttpStatusCode.Forbidden, blockedOpinion.StatusCode);
        Assert.Equal("review.declaration_required", await Code(blockedOpinion));

        Assert.Equal(HttpStatusCode.NoContent, (await Declare(reviewer, assignmentId)).StatusCode);
        var file = await reviewer.GetFromJsonAsync<JsonElement>($"/api/expertise/{assignmentId}");
        Assert.Equal("NoConflict", file.GetProperty("declaration").GetString());
        Assert.Equal("Mutualiser un atelier et une plateforme logistique entre structures de l'ESS.", file.GetProperty("application").GetProperty("description").GetString());
        Assert.Equal(new string?[] { "ancrage", "cooperation" }, file.GetProperty("grid").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        var again = await Declare(reviewer, assignmentId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("review.already_declared", await Code(again));

        await app.DeliverNotifications();
        var mail = Assert.Single(app.Mail.To(email), m => m.Subject == $"Expertise demandée : dossier {application.Reference}");
        Assert.Contains($"https://ptce.test/Expertise/Dossier?id={assignmentId}", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_conflict_recuses_the_reviewer_and_notifies_the_officer_who_has_the_file()
    {
        var application = await Submitted(app);
        var officerId = await application.UserId(application.OfficerEmail);
        await application.OnDomain(a => a.Assign(officerId, "Chargée de mission", officerId, Consortium.Today));
        var otherOfficer = await app.AddUser(Roles.ProgramOfficer, application.Consortium.State);
        var (_, reviewer, assignmentId) = await application.AssignedReviewer();

        var withoutDetails = await Declare(reviewer, assignmentId, hasConflict: true);
        Assert.Equal(HttpStatusCode.BadRequest, withoutDetails.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Declare(reviewer, assignmentId, hasConflict: true, details: "Je siège au conseil d'administration du chef de file.")).StatusCode);

        var recused = await reviewer.GetAsync($"/api/expertise/{assignmentId}");
        Assert.Equal(HttpStatusCode.Forbidden, recused.StatusCode);
        Assert.Equal("review.recused", await Code(recused));
        var noLongerDeclarable = await Declare(reviewer, assignmentId);
        Assert.Equal("review.recused", await Code(noLongerDeclarable));

        await app.DeliverNotifications();
        var mail = Assert.Single(app.Mail.To(application.OfficerEmail), m => m.Subject == $"Conflit d'intérêts déclaré sur le dossier {application.Reference}");
        Assert.Contains("Je siège au conseil d'administration du chef de file.", mail.Text, StringComparison.Ordinal);
        Assert.Empty(app.Mail.To(otherOfficer));
        var opinions = await application.Officer.GetFromJsonAsync<JsonElement>($"/api/reviews/applications/{application.Id}/opinions");
        Assert.Equal("Conflict", Assert.Single(opinions.GetProperty("reviews").EnumerateArray()).GetProperty("declaration").GetString());
    }

    [Fact]
    public async Task Without_an_officer_on_the_file_a_conflict_is_told_to_the_officers_of_the_routed_funders()
    {
        var application = await Submitted(app);
        var regionOfficer = await app.AddUser(Roles.ProgramOfficer, application.Consortium.Region);
        var elsewhere = await app.AddUser(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "11"));
        var (_, reviewer, assignmentId) = await application.AssignedReviewer();

        Assert.Equal(HttpStatusCode.NoContent, (await Declare(reviewer, assignmentId, hasConflict: true, details: "Ancien salarié d'un membre.")).StatusCode);

        await app.DeliverNotifications();
        Assert.Single(app.Mail.To(application.OfficerEmail), m => m.Subject.StartsWith("Conflit d'intérêts", StringComparison.Ordinal));
        Assert.Single(app.Mail.To(regionOfficer), m => m.Subject.StartsWith("Conflit d'intérêts", StringComparison.Ordinal));
        Assert.Empty(app.Mail.To(elsewhere));
    }

    [Fact]
    public async Task The_weighted_score_is_computed_on_the_grid_the_application_was_filed_under()
    {
        var application = await Submitted(app);
        await app.Db(async db =>
        {
            var call = await db.Calls.FindAsync(application.CallId);
            var v1 = call!.CurrentRules;
            var changed = call.ChangeRules(v1 with { Grid = [new ScoringCriterion("impact", "Impact social", 100m, 10)] }, Consortium.Today);
            Assert.True(changed.IsSuccess, changed.Error?.Message);
            return await db.SaveChangesAsync();
        });
        var (_, reviewer, assignmentId) = await application.AssignedReviewer();
        await Declare(reviewer, assignmentId);

        var file = await reviewer.GetFromJsonAsync<JsonElement>($"/api/expertise/{assignmentId}");
        Assert.Equal(1, file.GetProperty("rulesVersion").GetInt32());
        Assert.Equal(new string?[] { "ancrage", "cooperation" }, file.GetProperty("grid").EnumerateArray().Select(c => c.GetProperty("code").GetString()));

        var onV2 = await reviewer.PostAsJsonAsync($"/api/expertise/{assignmentId}/opinion", new
        {
            scores = new[] { new { code = "impact", score = 8, comment = "Fort impact." } },
            opinion = "Favourable",
            text = "Avis.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, onV2.StatusCode);
        Assert.Equal("review.unknown_criterion", await Code(onV2));

        var submitted = await reviewer.PostAsJsonAsync($"/api/expertise/{assignmentId}/opinion", Opinion(ancrage: 4, cooperation: 3));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(72.00m, (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("weightedScore").GetDecimal());
        var stored = await app.Db(async db => (await db.ReviewerAssignments.FindAsync(new Domain.Reviews.ReviewerAssignmentId(assignmentId)))!.WeightedScore);
        Assert.Equal(72.00m, stored);
    }

    [Fact]
    public async Task A_missing_comment_or_a_score_out_of_scale_is_refused_and_a_submitted_opinion_is_final()
    {
        var application = await Submitted(app);
        var (_, reviewer, assignmentId) = await application.AssignedReviewer();
        await Declare(reviewer, assignmentId);
        var opinion = $"/api/expertise/{assignmentId}/opinion";

        var noComment = await reviewer.PostAsJsonAsync(opinion, Opinion(comment: " "));
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal("review.comment_required", await Code(noComment));
        var outOfScale = await reviewer.PostAsJsonAsync(opinion, Opinion(cooperation: 6));
        Assert.Equal(HttpStatusCode.BadRequest, outOfScale.StatusCode);
        Assert.Equal("review.score_out_of_scale", await Code(outOfScale));
        var negative = await reviewer.PostAsJsonAsync(opinion, Opinion(ancrage: -1));
        Assert.Equal("review.score_out_of_scale", await Code(negative));
        var missing = await reviewer.PostAsJsonAsync(opinion, new { scores = new[] { new { code = "ancrage", score = 2, comment = "ok" } }, opinion = "Reserved", text = "Avis." });
        Assert.Equal("review.score_missing", await Code(missing));

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync(opinion, Opinion(ancrage: 5, cooperation: 5))).StatusCode);
        var second = await reviewer.PostAsJsonAsync(opinion, Opinion(ancrage: 0, cooperation: 0));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("review.already_submitted", await Code(second));
        var file = await reviewer.GetFromJsonAsync<JsonElement>($"/api/expertise/{assignmentId}");
        Assert.Equal(100m, file.GetProperty("submitted").GetProperty("weightedScore").GetDecimal());
    }

    [Fact]
    public async Task A_reviewer_not_assigned_to_the_application_gets_404()
    {
        var application = await Submitted(app);
        var (_, _, assignmentId) = await application.AssignedReviewer();
        var stranger = await app.ClientFor(Roles.Reviewer, application.Consortium.State);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/expertise/{assignmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Declare(stranger, assignmentId)).StatusCode);
        var opinion = await stranger.PostAsJsonAsync($"/api/expertise/{assignmentId}/opinion", Opinion());
        Assert.Equal(HttpStatusCode.NotFound, opinion.StatusCode);
        Assert.Equal("review.not_found", await Code(opinion));
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/expertise")).EnumerateArray());
    }

    [Fact]
    public async Task Officers_see_the_confidential_part_and_the_average_but_the_consortium_never_reads_opinions()
    {
        var application = await Submitted(app);
        var (_, first, firstId) = await application.AssignedReviewer();
        var (_, second, secondId) = await application.AssignedReviewer(await app.AddFunder(FunderKind.StateNational, null));
        await Declare(first, firstId);
        await Declare(second, secondId);
        (await first.PostAsJsonAsync($"/api/expertise/{firstId}/opinion", Opinion(4, 3, confidential: "Gouvernance à surveiller de près."))).EnsureSuccessStatusCode();
        (await second.PostAsJsonAsync($"/api/expertise/{secondId}/opinion", Opinion(5, 4, confidential: null))).EnsureSuccessStatusCode();

        var opinions = await application.Officer.GetFromJsonAsync<JsonElement>($"/api/reviews/applications/{application.Id}/opinions");
        Assert.Equal(2, opinions.GetProperty("opinionsCount").GetInt32());
        Assert.Equal(82.00m, opinions.GetProperty("averageScore").GetDecimal()); // (72 + 92) / 2
        Assert.Contains(opinions.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("confidentialText").GetString() == "Gouvernance à surveiller de près.");

        var asConsortium = await application.Lead.GetAsync($"/api/reviews/applications/{application.Id}/opinions");
        Assert.Equal(HttpStatusCode.Forbidden, asConsortium.StatusCode);
        var consortiumView = await application.Lead.GetStringAsync($"/api/applications/{application.Id}");
        Assert.DoesNotContain("Gouvernance à surveiller", consortiumView, StringComparison.Ordinal);
        Assert.DoesNotContain("Projet solide, bien ancré", consortiumView, StringComparison.Ordinal);
        Assert.DoesNotContain("Argumenté.", consortiumView, StringComparison.Ordinal);

        var otherRegionOfficer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "11"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherRegionOfficer.GetAsync($"/api/reviews/applications/{application.Id}/opinions")).StatusCode);
    }

    [Fact]
    public async Task Committee_members_of_a_routed_funder_read_the_opinions_and_others_do_not()
    {
        var application = await Submitted(app);
        var (_, reviewer, assignmentId) = await application.AssignedReviewer();
        await Declare(reviewer, assignmentId);
        (await reviewer.PostAsJsonAsync($"/api/expertise/{assignmentId}/opinion", Opinion())).EnsureSuccessStatusCode();

        var member = await app.ClientFor(Roles.CommitteeMember, application.Consortium.Region);
        var opinions = await member.GetFromJsonAsync<JsonElement>($"/api/reviews/applications/{application.Id}/opinions");
        Assert.Equal("Le chef de file est fragile financièrement.", Assert.Single(opinions.GetProperty("reviews").EnumerateArray()).GetProperty("confidentialText").GetString());

        var elsewhere = await app.ClientFor(Roles.CommitteeMember, await app.AddFunder(FunderKind.Region, "11"));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/reviews/applications/{application.Id}/opinions")).StatusCode);
    }

    [Fact]
    public async Task Reviewers_are_assigned_by_officers_only_on_ready_files_and_within_the_application_funders()
    {
        var application = await Submitted(app, complete: false);
        var reviewerEmail = await app.AddUser(Roles.Reviewer, application.Consortium.State);
        var reviewerId = await application.UserId(reviewerEmail);
        var assign = $"/api/reviews/applications/{application.Id}/reviewers";

        var notReady = await application.Officer.PostAsJsonAsync(assign, new { reviewerId });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notReady.StatusCode);
        Assert.Equal("review.not_ready", await Code(notReady));

        await application.OnDomain(a => a.ConfirmCompleteness(Guid.Empty, Consortium.Today));
        await application.OnDomain(a => a.DeclareEligibility(true, null, Guid.Empty, Consortium.Today));

        var reviewer = await app.ClientFor(reviewerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync(assign, new { reviewerId })).StatusCode);
        var otherRegionOfficer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "11"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherRegionOfficer.PostAsJsonAsync(assign, new { reviewerId })).StatusCode);

        var outsider = await application.UserId(await app.AddUser(Roles.Reviewer, await app.AddFunder(FunderKind.Region, "11")));
        var outOfTerritory = await application.Officer.PostAsJsonAsync(assign, new { reviewerId = outsider });
        Assert.Equal("review.reviewer_out_of_territory", await Code(outOfTerritory));
        var notAReviewer = await application.Officer.PostAsJsonAsync(assign, new { reviewerId = await application.UserId(application.OfficerEmail) });
        Assert.Equal("review.not_a_reviewer", await Code(notAReviewer));

        Assert.Equal(HttpStatusCode.Created, (await application.Officer.PostAsJsonAsync(assign, new { reviewerId })).StatusCode);
        var twice = await application.Officer.PostAsJsonAsync(assign, new { reviewerId });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("review.already_assigned", await Code(twice));
    }
}
