using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Documents;
using PtceFunding.IntegrationTests.Reporting;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>Who calls, in the authorization matrix: every kind of caller the platform knows, placed relative to the seeded resources.</summary>
public enum Caller
{
    Anonymous,

    /// <summary>A verified user of the lead member of the consortium that owns the resources.</summary>
    LeadMember,

    /// <summary>A verified user of the consortium's partner member (not the lead).</summary>
    PartnerMember,

    /// <summary>A verified user of an organisation of another consortium.</summary>
    OtherConsortium,

    Officer,
    FinanceOfficer,

    /// <summary>The reviewer assigned to the file, who declared no conflict and gave an opinion.</summary>
    Reviewer,
    CommitteeMember,
    FunderAdministrator,
    PlatformAdministrator,

    /// <summary>Staff of another funder of the same region, which does not fund the call.</summary>
    OtherFunderOfficer,
    OtherFunderFinance,
    OtherFunderReviewer,
    OtherFunderCommitteeMember,
    OtherFunderAdministrator,

    /// <summary>Staff of a funder of another region.</summary>
    OtherRegionOfficer,
    OtherRegionFinance,
    OtherRegionReviewer,
    OtherRegionCommitteeMember,
    OtherRegionAdministrator,

    /// <summary>A reviewer of the funder assigned to the file who declared a conflict of interest.</summary>
    RecusedReviewer,

    /// <summary>A committee member of the funder who declared a conflict of interest on the file at its session.</summary>
    RecusedCommitteeMember,

    /// <summary>The funder's partner system (client credentials, scopes funder.read and funder.finance).</summary>
    PartnerClient,

    /// <summary>A partner system of a funder of another region, with the same scopes.</summary>
    OtherRegionPartnerClient,
}

/// <summary>
/// The resources the matrix calls on, seeded through the API as people would make them: a consortium (lead and partner
/// members of region 84) whose first file was accepted, drafted into an agreement signed by the State (DREETS) and the
/// Region, its reports open; a second file submitted with a document, reviewed (one opinion, one recused reviewer) and on
/// the next session's agenda (one committee member recused); a pending membership request with its mandate; pending
/// bank details; a recovery order; and one account of each <see cref="Caller"/>. <see cref="Secrets"/> are what a refused
/// answer must never carry.
/// </summary>
internal sealed class MatrixWorld
{
    private const string Description = "Mutualiser un atelier et une plateforme logistique entre structures de l'ESS.";
    private const string Confidential = "Le chef de file est fragile financièrement.";
    private const string Iban = "FR7630006000011234567890189";
    private const string Justification = "Délibération du bureau du 3 mars (matrice)";
    private const string LegalCommitment = "EJ-2103456789";

    /// <summary>Route values by the resource the route segment before them names.</summary>
    public Dictionary<string, string> Ids { get; } = [];

    /// <summary>Confidential data of the seeded resources, each with what it is.</summary>
    public Dictionary<string, string> Secrets { get; } = new()
    {
        ["the file's description"] = Description,
        ["an expert's confidential opinion"] = Confidential,
        ["an IBAN"] = Iban,
        ["a membership request's justification"] = Justification,
        ["a legal commitment reference"] = LegalCommitment,
    };

    public Dictionary<Caller, string> Emails { get; } = [];

    /// <summary>The partner clients' credentials (client id, secret): they call with client-credentials tokens, and open no page.</summary>
    public Dictionary<Caller, (string ClientId, string Secret)> Clients { get; } = [];

    public static async Task<MatrixWorld> Seed(PtceApp app)
    {
        var world = new MatrixWorld();
        var agreement = await (await AgreementSetup.Start(app)).Signed(state: 80_000m, region: 20_000m);
        var committee = agreement.Committee;
        var consortium = committee.Consortium;
        var officerEmail = await app.AddUser(Roles.ProgramOfficer, consortium.State);
        var officer = await app.ClientFor(officerEmail);
        var finance = await app.ClientFor(world.Emails[Caller.FinanceOfficer] = await app.AddUser(Roles.FinanceOfficer, consortium.State));
        (await agreement.RecordLegalCommitment(finance, LegalCommitment)).EnsureSuccessStatusCode();

        // The second file: submitted with a real document, complete and eligible, one opinion, one recused reviewer.
        var fileId = await consortium.CompleteDraft(committee.Lead, committee.CallId, committee.LeadOrganisationId, committee.PartnerOrganisationId);
        var uploaded = await committee.Lead.PostAsync($"/api/applications/{fileId}/documents", Uploads.Form(Uploads.Pdf(), "statuts.pdf", "statuts"));
        uploaded.EnsureSuccessStatusCode();
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var submitted = await committee.Lead.PostAsJsonAsync($"/api/applications/{fileId}/submit", new { expectedVersion = await committee.VersionOf(fileId) });
        submitted.EnsureSuccessStatusCode();
        world.Secrets["the file's reference"] = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        await app.Db(async db =>
        {
            var file = await db.Applications.SingleAsync(a => a.Id == new FundingApplicationId(fileId));
            var now = app.Clock.GetUtcNow();
            Assert.True(file.ConfirmCompleteness(Guid.Empty, now).IsSuccess);
            Assert.True(file.DeclareEligibility(true, null, Guid.Empty, now).IsSuccess);
            return await db.SaveChangesAsync();
        });
        var reviewer = await world.Assign(app, officer, fileId, Caller.Reviewer, consortium.State);
        (await reviewer.Client.PostAsJsonAsync($"/api/expertise/{reviewer.AssignmentId}/declaration", new { hasConflict = false })).EnsureSuccessStatusCode();
        (await reviewer.Client.PostAsJsonAsync($"/api/expertise/{reviewer.AssignmentId}/opinion", Reviews.ReviewedApplication.Opinion(confidential: Confidential))).EnsureSuccessStatusCode();
        var recused = await world.Assign(app, officer, fileId, Caller.RecusedReviewer, consortium.State);
        (await recused.Client.PostAsJsonAsync($"/api/expertise/{recused.AssignmentId}/declaration", new { hasConflict = true, details = "Administrateur du chef de file" })).EnsureSuccessStatusCode();
        var recusedMember = await app.ClientFor(world.Emails[Caller.RecusedCommitteeMember] = await app.AddUser(Roles.CommitteeMember, consortium.State));
        (await recusedMember.PutAsJsonAsync($"/api/committee/sessions/{committee.NextSession}/conflicts", new { declarations = new[] { new { applicationId = fileId, hasConflict = true } } }))
            .EnsureSuccessStatusCode();

        // A pending membership request with its mandate (to a new organisation of the region: one with a verified user invites), pending bank details, a recovery order.
        var requester = await app.ClientFor(await app.AddUser(Roles.Applicant));
        var joining = await consortium.Organisation("SCIC Nouvelle Adhésion");
        var asked = await requester.PostAsJsonAsync($"/api/organisations/{joining}/membership-requests", new { justification = Justification });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await requester.PostAsync($"/api/membership-requests/{requestId}/mandate", Uploads.Form(Uploads.Pdf(), "mandat.pdf"))).EnsureSuccessStatusCode();
        var entered = await committee.Lead.PostAsJsonAsync($"/api/organisations/{committee.LeadOrganisationId}/bank-details", new { holderName = "SCIC Lyon Comité", iban = Iban, bic = "AGRIFRPP" });
        entered.EnsureSuccessStatusCode();
        var recovery = RecoveryOrder.Create(new AgreementId(agreement.Id), consortium.State.Id, RecoveryCause.EarlyTermination, 1_000m, "Trop-perçu (matrice)", app.Clock.GetUtcNow());
        await app.Db(async db =>
        {
            db.RecoveryOrders.Add(recovery);
            return await db.SaveChangesAsync();
        });

        // The first year's reports open; the financial one gets an attachment.
        app.Clock.Now = Reports.Year1Filing;
        var reports = new Reports(app, agreement);
        var lead = await reports.Lead();
        var financial = await reports.Of(ReportKind.Financial, 1);
        var attached = await Reports.Attach(lead, financial, Report.ApprovedAccounts);
        Assert.True(attached.IsSuccessStatusCode, await attached.Content.ReadAsStringAsync());

        var advance = await agreement.Installment(consortium.State.Id, 1, InstallmentKind.Advance);
        var leadUserId = await app.Db(db => db.Users.Where(u => u.Email == committee.LeadEmail).Select(u => u.Id).SingleAsync());
        var notification = await app.Db(db => db.Notifications.Where(n => n.RecipientUserId == leadUserId).OrderByDescending(n => n.CreatedAt).Select(n => n.Id).FirstAsync());
        var managed = await app.AddUser(Roles.ProgramOfficer, consortium.State);

        world.Ids["applications"] = fileId.ToString();
        world.Ids["documents"] = documentId.ToString();
        world.Ids["expertise"] = reviewer.AssignmentId.ToString();
        world.Ids["organisations"] = committee.LeadOrganisationId.ToString();
        world.Ids["by-identifier"] = await app.Db(db => db.Organisations.Where(o => o.Id == new Domain.Organisations.OrganisationId(committee.LeadOrganisationId)).Select(o => o.Siret!).SingleAsync());
        world.Ids["membership-requests"] = requestId.ToString();
        world.Ids["calls"] = committee.CallId.Value.ToString();
        world.Ids["sessions"] = committee.NextSession.ToString();
        world.Ids["funders"] = consortium.State.Id.Value.ToString();
        world.Ids["agreements"] = agreement.Id.ToString();
        world.Ids["installments"] = advance.Id.Value.ToString();
        world.Ids["recovery-orders"] = recovery.Id.Value.ToString();
        world.Ids["bank-details"] = (await entered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString();
        world.Ids["reports"] = financial.Id.Value.ToString();
        world.Ids["attachments"] = (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString();
        world.Ids["notifications"] = notification.ToString();
        world.Ids["outbox"] = notification.ToString();
        world.Ids["users"] = (await app.Db(db => db.Users.Where(u => u.Email == managed).Select(u => u.Id).SingleAsync())).ToString();
        world.Ids["jobs"] = "deliver-notifications";
        world.Ids["openapi"] = "v1";
        world.Ids["api-reference"] = "v1";
        var feed = await (await reports.Lead()).PostAsync("/api/me/calendar", null);
        world.Ids["calendar"] = (await feed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);

        // One account of every other kind of caller.
        var otherFunder = await app.AddFunder(FunderKind.StateRegionalOffice, "84", "Autre service de l'État en région (matrice)");
        var otherRegion = await app.AddFunder(FunderKind.StateRegionalOffice, "11", "DRIEETS Île-de-France (matrice)");
        world.Emails[Caller.LeadMember] = committee.LeadEmail;
        world.Emails[Caller.PartnerMember] = (await consortium.VerifiedUserOf(committee.PartnerOrganisationId)).Email;
        world.Emails[Caller.OtherConsortium] = (await consortium.VerifiedUserOf(await consortium.Organisation("SCIC Autre Pôle"))).Email;
        world.Emails[Caller.Officer] = officerEmail;
        world.Emails[Caller.CommitteeMember] = await app.AddUser(Roles.CommitteeMember, consortium.State);
        world.Emails[Caller.FunderAdministrator] = await app.AddUser(Roles.Administrator, consortium.State);
        world.Emails[Caller.PlatformAdministrator] = await app.AddUser(Roles.Administrator);
        foreach (var (funder, officerCaller, financeCaller, reviewerCaller, memberCaller, adminCaller) in new[]
        {
            (otherFunder, Caller.OtherFunderOfficer, Caller.OtherFunderFinance, Caller.OtherFunderReviewer, Caller.OtherFunderCommitteeMember, Caller.OtherFunderAdministrator),
            (otherRegion, Caller.OtherRegionOfficer, Caller.OtherRegionFinance, Caller.OtherRegionReviewer, Caller.OtherRegionCommitteeMember, Caller.OtherRegionAdministrator),
        })
        {
            world.Emails[officerCaller] = await app.AddUser(Roles.ProgramOfficer, funder);
            world.Emails[financeCaller] = await app.AddUser(Roles.FinanceOfficer, funder);
            world.Emails[reviewerCaller] = await app.AddUser(Roles.Reviewer, funder);
            world.Emails[memberCaller] = await app.AddUser(Roles.CommitteeMember, funder);
            world.Emails[adminCaller] = await app.AddUser(Roles.Administrator, funder);
        }

        var platform = await app.ClientFor(world.Emails[Caller.PlatformAdministrator]);
        foreach (var (caller, funderId) in new[] { (Caller.PartnerClient, consortium.State.Id), (Caller.OtherRegionPartnerClient, otherRegion.Id) })
        {
            var registered = await platform.PostAsJsonAsync("/api/admin/partner-clients", new { id = Guid.NewGuid(), name = $"Système partenaire ({caller})", funderId = funderId.Value, scopes = new[] { "funder.read", "funder.finance" } });
            registered.EnsureSuccessStatusCode();
            var credentials = await registered.Content.ReadFromJsonAsync<JsonElement>();
            world.Clients[caller] = (credentials.GetProperty("clientId").GetString()!, credentials.GetProperty("secret").GetString()!);
        }

        // A client of its own for the administration's operations, which rotate its secret and revoke it.
        var administered = Guid.NewGuid();
        (await platform.PostAsJsonAsync("/api/admin/partner-clients", new { id = administered, name = "Client administré (matrice)", funderId = consortium.State.Id.Value, scopes = new[] { "opendata.read" } }))
            .EnsureSuccessStatusCode();
        world.Ids["partner-clients"] = administered.ToString();

        return world;
    }

    private async Task<(HttpClient Client, Guid AssignmentId)> Assign(PtceApp app, HttpClient officer, Guid fileId, Caller caller, Funder funder)
    {
        var email = Emails[caller] = await app.AddUser(Roles.Reviewer, funder);
        var reviewerId = await app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var assigned = await officer.PostAsJsonAsync($"/api/reviews/applications/{fileId}/reviewers", new { reviewerId });
        assigned.EnsureSuccessStatusCode();
        return (await app.ClientFor(email), (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}
