using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Agreements;

/// <summary>A draft agreement is signed by the officer of each funder party and by the lead member, in any order, then becomes signed.</summary>
public sealed class SignAgreementTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task The_agreement_stays_a_draft_until_every_funder_and_the_lead_member_have_signed_then_it_is_signed_with_dated_signatures()
    {
        var (setup, id) = await Drafted(state: 90_000m, region: 30_000m);
        var stateOfficer = await setup.Officer();
        var regionOfficer = await app.ClientFor(Roles.ProgramOfficer, setup.Consortium.Region);

        app.Clock.Now = new DateTimeOffset(2026, 12, 1, 9, 10, 0, TimeSpan.Zero);
        var byRegion = await Sign(regionOfficer, id, await VersionOf(id));
        app.Clock.Now = new DateTimeOffset(2026, 12, 1, 9, 20, 0, TimeSpan.Zero);
        var byLead = await Sign(setup.Lead, id, await VersionOf(id));
        var twice = await Sign(setup.Lead, id, await VersionOf(id));
        app.Clock.Now = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        var byState = await Sign(stateOfficer, id, await VersionOf(id));

        Assert.Equal(HttpStatusCode.OK, byRegion.StatusCode);
        var afterRegion = await byRegion.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Draft", afterRegion.GetProperty("status").GetString());
        Assert.Equal(2, afterRegion.GetProperty("missingSignatures").GetArrayLength());
        var afterLead = await byLead.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Draft", afterLead.GetProperty("status").GetString());
        var missing = Assert.Single(afterLead.GetProperty("missingSignatures").EnumerateArray());
        Assert.Equal(setup.Consortium.State.Id.Value, missing.GetProperty("funderId").GetGuid());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Equal("agreement.already_signed", await CommitteeSetup.Code(twice));
        Assert.Equal(HttpStatusCode.OK, byState.StatusCode);
        var afterState = await byState.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Signed", afterState.GetProperty("status").GetString());
        Assert.Equal(0, afterState.GetProperty("missingSignatures").GetArrayLength());
        Assert.Equal(await VersionOf(id), afterState.GetProperty("version").GetInt32());

        var agreement = await setup.Lead.GetFromJsonAsync<JsonElement>($"/api/agreements/{id}");
        Assert.Equal("Signed", agreement.GetProperty("status").GetString());
        Assert.Equal(["Funder", "Funder", "LeadMember"], agreement.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal));
        var dates = agreement.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("signedAt").GetDateTimeOffset()).Order().ToList();
        Assert.Equal([new DateTimeOffset(2026, 12, 1, 9, 10, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 9, 20, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero)], dates);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 30, 0), await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(id)).Select(a => a.SignedAt).SingleAsync()));

        await app.DeliverNotifications();
        var mail = Assert.Single(app.Mail.To(setup.LeadEmail), m => m.Subject == "La convention de votre projet « Pôle coopératif du Rhône » est signée");
        Assert.Contains("01/01/2027", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strangers_non_parties_and_stale_versions_cannot_sign_and_the_last_signature_after_the_start_date_activates_the_agreement()
    {
        var (setup, id) = await Drafted(state: 60_000m, region: 0m);
        var version = await VersionOf(id);
        var elsewhere = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "11"));
        var regionOfficer = await app.ClientFor(Roles.ProgramOfficer, setup.Consortium.Region);
        var (_, otherConsortium) = await setup.Consortium.VerifiedUserOf(await setup.Consortium.Organisation("SCIC Autre Consortium"));

        var invisible = await Sign(elsewhere, id, version);
        var notAParty = await Sign(regionOfficer, id, version);
        var stranger = await Sign(otherConsortium, id, version);
        var stale = await Sign(setup.Lead, id, version + 1);

        Assert.Equal(HttpStatusCode.NotFound, invisible.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAParty.StatusCode);
        Assert.Equal("agreement.not_a_party", await CommitteeSetup.Code(notAParty));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(version, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt32());
        Assert.Empty(await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(id)).Select(a => a.Signatures).SingleAsync()));

        app.Clock.Now = new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);
        (await Sign(await app.ClientFor(setup.LeadEmail), id, version)).EnsureSuccessStatusCode();
        var last = await Sign(await setup.Officer(), id, await VersionOf(id));

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal("Active", (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    private async Task<(CommitteeSetup Setup, Guid Id)> Drafted(decimal state, decimal region)
    {
        var agreement = await new AgreementSetup(app).Drafted(state, region);
        Assert.Equal(new DateOnly(2027, 1, 1), DateOnly.Parse((await (await agreement.Committee.Officer()).GetFromJsonAsync<JsonElement>($"/api/agreements/{agreement.Id}")).GetProperty("startDate").GetString()!, CultureInfo.InvariantCulture));
        return (agreement.Committee, agreement.Id);
    }

    private Task<int> VersionOf(Guid id) => app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(id)).Select(a => a.Version).SingleAsync());

    private static Task<HttpResponseMessage> Sign(HttpClient client, Guid id, int expectedVersion) =>
        client.PostAsJsonAsync($"/api/agreements/{id}/signatures", new { expectedVersion });
}
