using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Territories;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Documents;

/// <summary>An applicant verified for an organisation of Lyon (Auvergne-Rhône-Alpes), and that organisation's draft application.</summary>
public sealed record Consortium(HttpClient Applicant, string ApplicantEmail, Guid OrganisationId, FundingApplicationId ApplicationId);

/// <summary>Builds consortia the way people do (registry, membership request, officer's decision), and their drafts through the domain.</summary>
public static class Consortia
{
    public const string Region = "84";

    /// <summary>Registers an association of Lyon through the API and answers its id.</summary>
    public static Task<Guid> RegisterOrganisation(PtceApp app) =>
        app.RegisterOrganisation(rna: "W69" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture), legalForm: Domain.Organisations.LegalForm.Association);

    /// <summary>An applicant's pending request to act for a new organisation: (client, e-mail, request id).</summary>
    public static async Task<(HttpClient Client, string Email, Guid OrganisationId, Guid RequestId)> RequestMembership(PtceApp app)
    {
        var organisation = await RegisterOrganisation(app);
        var email = await app.AddUser(Roles.Applicant);
        var client = await app.ClientFor(email);
        var asked = await client.PostAsJsonAsync($"/api/organisations/{organisation}/membership-requests", new { justification = "Présidente, mandat du bureau" });
        asked.EnsureSuccessStatusCode();
        return (client, email, organisation, (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>A consortium whose applicant is verified by an officer of the region, with a draft to a published call requiring the statutes.</summary>
    public static async Task<Consortium> WithDraft(PtceApp app, HttpClient officer)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var (client, email, organisationId, requestId) = await RequestMembership(app);
        (await officer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = true })).EnsureSuccessStatusCode();

        var funder = await app.AddFunder(FunderKind.StateRegionalOffice, Region);
        var now = app.Clock.GetUtcNow();
        var applicationId = FundingApplicationId.New();
        await app.Db(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var organisation = await db.Organisations.SingleAsync(o => o.Id == new OrganisationId(organisationId));
            var programme = Programme.Create(ProgrammeId.New(), "Programme PTCE", "", now);
            var call = Call.Draft(
                CallId.New(),
                programme.Id,
                new CallDetails("Appel PTCE 2026", "", CallMode.Continuous, new DateOnly(2026, 1, 1), null, FrenchRegion.MetropolitanTimeZone, false, ["Émergence"], [new CallFunder(funder.Id, 500_000m)]),
                new CallRules(new EligibilityRules(false, 1, [], [], null, 3), [new RequiredDocument("statuts", "Statuts signés")], [], []),
                now).Value;
            Assert.True(call.Publish(now).IsSuccess);
            var application = FundingApplication.Start(
                applicationId, call, "Émergence", 1,
                new MemberProfile(organisation.Id, organisation.Name, organisation.LegalForm, organisation.IsEss, organisation.RegionCode),
                "Tiers-lieu de la Croix-Rousse", userId, now);
            db.Programmes.Add(programme);
            db.Calls.Add(call);
            db.Applications.Add(application.Value);
            return await db.SaveChangesAsync();
        });
        return new Consortium(client, email, organisationId, applicationId);
    }
}
