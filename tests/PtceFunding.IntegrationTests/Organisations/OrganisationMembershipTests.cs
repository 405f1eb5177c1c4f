using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Organisations;

/// <summary>The first user of an organisation is verified by a program officer of the organisation's region, and only there.</summary>
public sealed class OrganisationMembershipTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task The_officer_of_the_region_verifies_the_first_user_and_the_officer_of_another_region_never_sees_the_request()
    {
        var organisation = await RegisterInLyon("79204562900013");
        var applicantEmail = await app.AddUser(Roles.Applicant);
        var applicant = await app.ClientFor(applicantEmail);
        var lyonOfficer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        var rennesOfficer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "53"));

        var asked = await applicant.PostAsJsonAsync($"/api/organisations/{organisation}/membership-requests", new { justification = "Présidente, mandat du conseil d'administration du 3 octobre" });
        var askedAgain = await applicant.PostAsJsonAsync($"/api/organisations/{organisation}/membership-requests", new { justification = "Présidente" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(requestId, (await askedAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        var seenInLyon = await lyonOfficer.GetFromJsonAsync<JsonElement>("/api/membership-requests");
        var seenInRennes = await rennesOfficer.GetFromJsonAsync<JsonElement>("/api/membership-requests");
        Assert.Contains(seenInLyon.EnumerateArray(), r => r.GetProperty("id").GetGuid() == requestId && r.GetProperty("userEmail").GetString() == applicantEmail);
        Assert.DoesNotContain(seenInRennes.EnumerateArray(), r => r.GetProperty("id").GetGuid() == requestId);

        var fromRennes = await rennesOfficer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.NotFound, fromRennes.StatusCode);
        Assert.Equal(MembershipStatus.Pending, await Status(requestId));

        var verified = await lyonOfficer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        Assert.Equal(MembershipStatus.Verified, await Status(requestId));

        await app.DeliverNotifications();
        var mail = Assert.Single(app.Mail.To(applicantEmail));
        Assert.Equal("Vous pouvez agir pour Coopérative 79204562900013", mail.Subject);
        Assert.Equal(1, (await applicant.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("unread").GetInt32());

        var twice = await lyonOfficer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = false, reason = "Erreur" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
    }

    [Fact]
    public async Task Once_an_organisation_has_a_verified_user_newcomers_must_be_invited()
    {
        var organisation = await RegisterInLyon("44306184100047");
        var officer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        var first = await app.ClientFor(Roles.Applicant, null);
        var asked = await first.PostAsJsonAsync($"/api/organisations/{organisation}/membership-requests", new { justification = "Directeur" });
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await officer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = true })).EnsureSuccessStatusCode();

        var second = await app.ClientFor(Roles.Applicant, null);
        var refused = await second.PostAsJsonAsync($"/api/organisations/{organisation}/membership-requests", new { justification = "Trésorier" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("membership.invitation_required", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_which_the_applicant_receives()
    {
        var organisation = await RegisterInLyon("73282932000074");
        var officer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        var email = await app.AddUser(Roles.Applicant);
        var applicant = await app.ClientFor(email);
        var asked = await applicant.PostAsJsonAsync($"/api/organisations/{organisation}/membership-requests", new { justification = "Bénévole" });
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var withoutReason = await officer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = false });
        var withReason = await officer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = false, reason = "Aucun mandat du bureau n'est joint." });
        await app.DeliverNotifications();

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withReason.StatusCode);
        Assert.Contains("Motif : Aucun mandat du bureau n'est joint.", Assert.Single(app.Mail.To(email)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_applicants_ask_and_only_officers_decide()
    {
        var organisation = await RegisterInLyon("35600000010000");
        var finance = await app.ClientFor(Roles.FinanceOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        var applicant = await app.ClientFor(Roles.Applicant, null);

        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsJsonAsync($"/api/organisations/{organisation}/membership-requests", new { justification = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/membership-requests")).StatusCode);
    }

    private Task<Guid> RegisterInLyon(string siret) => app.RegisterOrganisation(siret);

    private Task<MembershipStatus> Status(Guid id) => app.Db(db => db.OrganisationMemberships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
}
