using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;

namespace PtceFunding.IntegrationTests.Reviews;

/// <summary>
/// A submitted application of the Lyon consortium, made complete through the domain (the officer
/// endpoints are another part's), with an officer of the State's regional office who sees it.
/// </summary>
internal sealed class ReviewedApplication(PtceApp app)
{
    public Consortium Consortium { get; private set; } = null!;

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public Domain.Calls.CallId CallId { get; private set; }

    public HttpClient Lead { get; private set; } = null!;

    public string OfficerEmail { get; private set; } = "";

    public HttpClient Officer { get; private set; } = null!;

    public static async Task<ReviewedApplication> Submitted(PtceApp app, bool complete = true)
    {
        app.Clock.Now = Consortium.Today;
        var reviewed = new ReviewedApplication(app) { Consortium = await new Consortium(app).WithFunders() };
        var consortium = reviewed.Consortium;
        reviewed.CallId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Lyon Coop");
        var partnerId = await consortium.Organisation("Association Partenaire", LegalForm.Association);
        var (_, lead) = await consortium.VerifiedUserOf(leadId);
        reviewed.Lead = lead;
        reviewed.Id = await consortium.CompleteDraft(lead, reviewed.CallId, leadId, partnerId);
        await consortium.AttachStatutes(reviewed.Id);
        var submitted = await lead.PostAsJsonAsync($"/api/applications/{reviewed.Id}/submit", new { expectedVersion = await Consortium.VersionOf(lead, reviewed.Id) });
        submitted.EnsureSuccessStatusCode();
        reviewed.Reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        reviewed.OfficerEmail = await app.AddUser(Roles.ProgramOfficer, consortium.State);
        reviewed.Officer = await app.ClientFor(reviewed.OfficerEmail);
        if (complete)
        {
            await reviewed.OnDomain(a => a.ConfirmCompleteness(Guid.Empty, Consortium.Today));
        }

        return reviewed;
    }

    /// <summary>Changes the application through the domain, as the officer's actions would.</summary>
    public async Task OnDomain(Func<FundingApplication, Domain.Common.Result> change) =>
        await app.Db(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == new FundingApplicationId(Id));
            var changed = change(application);
            Assert.True(changed.IsSuccess, changed.Error?.Message);
            return await db.SaveChangesAsync();
        });

    public async Task<Guid> UserId(string email) => await app.Db(async db => await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A reviewer of the given funder (the State's regional office by default) assigned by the officer.</summary>
    public async Task<(string Email, HttpClient Client, Guid AssignmentId)> AssignedReviewer(Funder? funder = null)
    {
        var email = await app.AddUser(Roles.Reviewer, funder ?? Consortium.State);
        var response = await Officer.PostAsJsonAsync($"/api/reviews/applications/{Id}/reviewers", new { reviewerId = await UserId(email) });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var assignmentId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (email, await app.ClientFor(email), assignmentId);
    }

    public static async Task<HttpResponseMessage> Declare(HttpClient reviewer, Guid assignmentId, bool hasConflict = false, string? details = null) =>
        await reviewer.PostAsJsonAsync($"/api/expertise/{assignmentId}/declaration", new { hasConflict, details });

    public static object Opinion(int ancrage = 4, int cooperation = 3, string comment = "Argumenté.", string? confidential = "Le chef de file est fragile financièrement.") => new
    {
        scores = new[]
        {
            new { code = "ancrage", score = ancrage, comment },
            new { code = "cooperation", score = cooperation, comment },
        },
        opinion = "Favourable",
        text = "Projet solide, bien ancré sur son territoire.",
        confidentialText = confidential,
    };

    public static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
