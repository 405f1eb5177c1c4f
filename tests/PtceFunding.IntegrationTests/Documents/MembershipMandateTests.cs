using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Documents;

/// <summary>The document an applicant joins to their request to act for an organisation, read by the officers of its region only.</summary>
public sealed class MembershipMandateTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task The_applicant_joins_a_mandate_which_the_officer_of_the_region_downloads_and_another_region_never_sees()
    {
        var (applicant, _, _, requestId) = await Consortia.RequestMembership(app);
        var lyonOfficer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, Consortia.Region));
        var rennesOfficer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "53"));
        var mandate = Uploads.Pdf();

        var attached = await applicant.PostAsync(MandateOf(requestId), Uploads.Form(mandate, "Délégation du bureau.pdf"));

        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var requests = await lyonOfficer.GetFromJsonAsync<JsonElement>("/api/membership-requests");
        var line = requests.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == requestId);
        Assert.Equal("Délégation du bureau.pdf", line.GetProperty("mandateFileName").GetString());

        var download = await lyonOfficer.GetAsync(MandateOf(requestId));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Délégation du bureau.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(mandate, await download.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await rennesOfficer.GetAsync(MandateOf(requestId))).StatusCode);
    }

    [Fact]
    public async Task Only_the_author_of_a_pending_request_joins_a_document_to_it_and_a_second_replaces_the_first()
    {
        var (applicant, _, _, requestId) = await Consortia.RequestMembership(app);
        var stranger = await app.ClientFor(Roles.Applicant, null);
        var officer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, Consortia.Region));

        var byStranger = await stranger.PostAsync(MandateOf(requestId), Uploads.Form(Uploads.Pdf(), "mandat.pdf"));
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(0, await app.Db(db => db.MembershipMandates.CountAsync(m => m.MembershipId == requestId)));

        (await applicant.PostAsync(MandateOf(requestId), Uploads.Form(Uploads.Pdf(), "mandat-ancien.pdf"))).EnsureSuccessStatusCode();
        var firstKey = await app.Db(db => db.MembershipMandates.Where(m => m.MembershipId == requestId).Select(m => m.StorageKey).SingleAsync());
        (await applicant.PostAsync(MandateOf(requestId), Uploads.Form(Uploads.Pdf(), "mandat.pdf"))).EnsureSuccessStatusCode();
        Assert.Equal("mandat.pdf", await app.Db(db => db.MembershipMandates.Where(m => m.MembershipId == requestId).Select(m => m.FileName).SingleAsync()));
        Assert.False(File.Exists(Path.Combine(app.StoragePath, firstKey)));

        (await officer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = true })).EnsureSuccessStatusCode();
        var afterDecision = await applicant.PostAsync(MandateOf(requestId), Uploads.Form(Uploads.Pdf(), "mandat-bis.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterDecision.StatusCode);
        Assert.Equal("membership.already_decided", (await afterDecision.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // The decided request keeps its evidence for the officers.
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(MandateOf(requestId))).StatusCode);
    }

    [Fact]
    public async Task A_mandate_that_is_not_a_document_is_refused_and_nothing_is_stored()
    {
        var (applicant, _, _, requestId) = await Consortia.RequestMembership(app);
        var before = Uploads.StoredFiles(app);

        var response = await applicant.PostAsync(MandateOf(requestId), Uploads.Form(Uploads.Elf(), "mandat.pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("document.type_not_allowed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, await app.Db(db => db.MembershipMandates.CountAsync(m => m.MembershipId == requestId)));
        Assert.Equal(before, Uploads.StoredFiles(app));
    }

    private static string MandateOf(Guid requestId) => $"/api/membership-requests/{requestId}/mandate";
}
