using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Payments;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Documents;

namespace PtceFunding.IntegrationTests.Payments;

/// <summary>
/// An organisation's bank details take effect only once a finance officer of its territory, other than
/// the one who entered them, approves them; nobody else sees them.
/// </summary>
public sealed class BankDetailsTests(PtceApp app) : IClassFixture<PtceApp>
{
    private const string FirstIban = "FR76 4255 9100 0008 0123 4567 812";
    private const string SecondIban = "FR7630006000011234567890189";

    [Fact]
    public async Task The_audit_trail_shows_an_iban_masked_to_its_country_key_and_last_four_characters()
    {
        var organisation = await VerifiedOrganisation();
        var (finance, _) = await FinanceOfficer("84");

        (await Submit(finance, organisation.Id, SecondIban, "AGRIFRPP")).EnsureSuccessStatusCode();

        var trail = await app.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "BankAccount").Select(a => a.Changes).ToListAsync());
        Assert.Contains(trail, changes => changes.Contains("FR76 \\u2022", StringComparison.Ordinal) || changes.Contains("FR76 •", StringComparison.Ordinal));
        Assert.All(trail, changes => Assert.DoesNotContain("30006000011234567890189", changes, StringComparison.Ordinal));
        Assert.All(trail, changes => Assert.DoesNotContain("3000 6000 0112 3456 7890", changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Details_entered_by_a_finance_officer_cannot_be_approved_by_that_same_officer()
    {
        var organisation = await VerifiedOrganisation();
        var (finance, _) = await FinanceOfficer("84");

        var entered = await Submit(finance, organisation.Id, SecondIban, "AGRIFRPP");
        var (id, version) = await PendingOf(finance, organisation.Id);
        var bySameOfficer = await finance.PostAsJsonAsync($"/api/bank-details/{id}/approval", new { expectedVersion = version });
        var rejectedBySameOfficer = await finance.PostAsJsonAsync($"/api/bank-details/{id}/rejection", new { expectedVersion = version, reason = "Erreur" });

        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bySameOfficer.StatusCode);
        Assert.Equal("bank_details.second_approver_required", await Code(bySameOfficer));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejectedBySameOfficer.StatusCode);
        Assert.Null(await app.Db(db => db.ApprovedBankAccountOf(new OrganisationId(organisation.Id), default)));
        Assert.Equal(BankAccountStatus.PendingApproval, await app.Db(db => db.BankAccounts.Where(b => b.Id == new BankAccountId(id)).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Approved_by_another_finance_officer_the_change_becomes_the_approved_details_and_the_previous_ones_are_superseded()
    {
        var organisation = await VerifiedOrganisation();
        var (clerk, _) = await FinanceOfficer("84");
        var (approver, _) = await FinanceOfficer("84");

        // First details, entered by the organisation and approved by a finance officer.
        (await Submit(organisation.Client, organisation.Id, FirstIban.ToLowerInvariant(), "ccopfrpp")).EnsureSuccessStatusCode();
        var (firstId, firstVersion) = await PendingOf(clerk, organisation.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/bank-details/{firstId}/approval", new { expectedVersion = firstVersion })).StatusCode);

        // A change entered by a finance officer, approved by another one.
        (await Submit(clerk, organisation.Id, SecondIban, "AGRIFRPP")).EnsureSuccessStatusCode();
        var (secondId, secondVersion) = await PendingOf(approver, organisation.Id);
        Assert.Equal("FR7642559100000801234567812", (await app.Db(db => db.ApprovedBankAccountOf(new OrganisationId(organisation.Id), default)))!.Iban.Value);
        var stale = await approver.PostAsJsonAsync($"/api/bank-details/{secondId}/approval", new { expectedVersion = secondVersion + 1 });
        var approved = await approver.PostAsJsonAsync($"/api/bank-details/{secondId}/approval", new { expectedVersion = secondVersion });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, approved.StatusCode);
        var current = await app.Db(db => db.ApprovedBankAccountOf(new OrganisationId(organisation.Id), default));
        Assert.Equal(secondId, current!.Id.Value);
        Assert.Equal("FR7630006000011234567890189", current.Iban.Value);
        var first = await app.Db(db => db.BankAccounts.AsNoTracking().SingleAsync(b => b.Id == new BankAccountId(firstId)));
        Assert.Equal(BankAccountStatus.Superseded, first.Status);
        Assert.Equal(secondId, first.SupersededBy!.Value.Value);

        var seen = await organisation.Client.GetFromJsonAsync<JsonElement>($"/api/organisations/{organisation.Id}/bank-details");
        Assert.Equal("FR76 3000 6000 0112 3456 7890 189", seen.GetProperty("approved").GetProperty("ibanDisplay").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("pending").ValueKind);
        Assert.Equal("Superseded", Assert.Single(seen.GetProperty("history").EnumerateArray()).GetProperty("status").GetString());

        // The organisation heard of each entry and approval; e-mails carry the IBAN masked.
        await app.DeliverNotifications();
        var mails = app.Mail.To(organisation.Email);
        Assert.Equal(2, mails.Count(m => m.Subject == $"Les coordonnées bancaires de {organisation.Name} sont approuvées"));
        Assert.Equal(2, mails.Count(m => m.Subject == $"Nouvelles coordonnées bancaires saisies pour {organisation.Name}"));
        Assert.All(mails, m => Assert.DoesNotContain("3000 6000 0112", m.Text, StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Text.Contains("FR76 •••• •••• •••• •••• •••0 189", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_entry_replaces_the_change_still_pending_and_a_refusal_needs_a_reason_the_organisation_receives()
    {
        var organisation = await VerifiedOrganisation();
        var (finance, _) = await FinanceOfficer("84");

        var first = await (await Submit(organisation.Client, organisation.Id, FirstIban, "CCOPFRPP")).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await Submit(organisation.Client, organisation.Id, SecondIban, "AGRIFRPP")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("replaced").GetGuid());
        var pending = await finance.GetFromJsonAsync<JsonElement>("/api/bank-details/pending");
        var line = Assert.Single(pending.EnumerateArray(), l => l.GetProperty("organisationId").GetGuid() == organisation.Id);
        Assert.Equal(second.GetProperty("id").GetGuid(), line.GetProperty("change").GetProperty("id").GetGuid());

        var (id, version) = await PendingOf(finance, organisation.Id);
        var withoutReason = await finance.PostAsJsonAsync($"/api/bank-details/{id}/rejection", new { expectedVersion = version });
        var withReason = await finance.PostAsJsonAsync($"/api/bank-details/{id}/rejection", new { expectedVersion = version, reason = "Le titulaire ne correspond pas au RIB transmis." });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withReason.StatusCode);
        var statuses = await app.Db(db => db.BankAccounts.Where(b => b.OrganisationId == new OrganisationId(organisation.Id)).OrderBy(b => b.EnteredAt).Select(b => b.Status).ToListAsync());
        Assert.Equal([BankAccountStatus.Superseded, BankAccountStatus.Rejected], statuses);
        await app.DeliverNotifications();
        var refusal = Assert.Single(app.Mail.To(organisation.Email), m => m.Subject == $"Les coordonnées bancaires saisies pour {organisation.Name} ne sont pas approuvées");
        Assert.Contains("Motif : Le titulaire ne correspond pas au RIB transmis.", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finance_officers_of_another_region_and_other_consortia_get_404()
    {
        var organisation = await VerifiedOrganisation();
        var other = await VerifiedOrganisation();
        var (lyonFinance, _) = await FinanceOfficer("84");
        var (rennesFinance, _) = await FinanceOfficer("53");
        var officer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        (await Submit(organisation.Client, organisation.Id, FirstIban, "CCOPFRPP")).EnsureSuccessStatusCode();
        var (id, version) = await PendingOf(lyonFinance, organisation.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await rennesFinance.GetAsync($"/api/organisations/{organisation.Id}/bank-details")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Submit(rennesFinance, organisation.Id, SecondIban, "AGRIFRPP")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rennesFinance.PostAsJsonAsync($"/api/bank-details/{id}/approval", new { expectedVersion = version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rennesFinance.PostAsJsonAsync($"/api/bank-details/{id}/rejection", new { expectedVersion = version, reason = "Non" })).StatusCode);
        Assert.DoesNotContain((await rennesFinance.GetFromJsonAsync<JsonElement>("/api/bank-details/pending")).EnumerateArray(), l => l.GetProperty("organisationId").GetGuid() == organisation.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/organisations/{organisation.Id}/bank-details")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Submit(other.Client, organisation.Id, SecondIban, "AGRIFRPP")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/organisations/{organisation.Id}/bank-details")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await organisation.Client.PostAsJsonAsync($"/api/bank-details/{id}/approval", new { expectedVersion = version })).StatusCode);

        Assert.Equal(1, await app.Db(db => db.BankAccounts.CountAsync(b => b.OrganisationId == new OrganisationId(organisation.Id))));
        Assert.Equal(BankAccountStatus.PendingApproval, await app.Db(db => db.BankAccounts.Where(b => b.Id == new BankAccountId(id)).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_invalid_iban_is_refused_with_the_french_message_and_nothing_is_stored()
    {
        var organisation = await VerifiedOrganisation();

        var wrongKey = await Submit(organisation.Client, organisation.Id, "FR7630006000011234567890188", "AGRIFRPP");
        var wrongLength = await Submit(organisation.Client, organisation.Id, "FR763000600001123456789018", "AGRIFRPP");

        Assert.Equal(HttpStatusCode.BadRequest, wrongKey.StatusCode);
        var problem = await wrongKey.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bank_details.iban_invalid", problem.GetProperty("code").GetString());
        Assert.Equal(
            "L'IBAN « FR7630006000011234567890188 » est invalide : sa clé de contrôle ne correspond pas (vérifiez les caractères saisis).",
            problem.GetProperty("errors").GetProperty("Iban")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongLength.StatusCode);
        Assert.Contains("un IBAN FR compte 27 caractères", (await wrongLength.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Iban")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.Db(db => db.BankAccounts.CountAsync(b => b.OrganisationId == new OrganisationId(organisation.Id))));
        await app.DeliverNotifications();
        Assert.DoesNotContain(app.Mail.To(organisation.Email), m => m.Subject.Contains("coordonnées bancaires", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task On_the_pages_the_organisation_enters_its_details_and_a_finance_officer_approves_them()
    {
        var organisation = await VerifiedOrganisation();
        var (_, financeEmail) = await FinanceOfficer("84");
        var applicant = new CookieBrowser(app);
        await applicant.Login(organisation.Email, PtceApp.Password);
        var page = $"/Organisations/CoordonneesBancaires?id={organisation.Id}";

        var refused = await (await applicant.Post(page, new Dictionary<string, string> { ["HolderName"] = "Coopérative de Lyon", ["Iban"] = "FR76 3000 6000 0112 3456 7890 188", ["Bic"] = "AGRIFRPP" })).Content.ReadAsStringAsync();
        var entered = await (await applicant.Post(page, new Dictionary<string, string> { ["HolderName"] = "Coopérative de Lyon", ["Iban"] = "fr76 3000 6000 0112 3456 7890 189", ["Bic"] = "agrifrpp" })).Content.ReadAsStringAsync();

        Assert.Contains("sa clé de contrôle ne correspond pas", refused, StringComparison.Ordinal);
        Assert.Contains("prendront effet une fois approuvées", entered, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"en-attente\"", entered, StringComparison.Ordinal);

        var finance = new CookieBrowser(app);
        await finance.Login(financeEmail, PtceApp.Password);
        var list = await finance.Get("/Finances/CoordonneesBancaires");
        Assert.Contains("FR76 3000 6000 0112 3456 7890 189", list, StringComparison.Ordinal);
        var (id, version) = await PendingOf(organisation.Client, organisation.Id);
        var approved = await (await finance.Post("/Finances/CoordonneesBancaires?handler=Approve", new Dictionary<string, string> { ["id"] = id.ToString(), ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Content.ReadAsStringAsync();

        Assert.Contains("Les coordonnées bancaires sont approuvées", approved, StringComparison.Ordinal);
        Assert.Equal(id, (await app.Db(db => db.ApprovedBankAccountOf(new OrganisationId(organisation.Id), default)))!.Id.Value);
        var after = await applicant.Get(page);
        Assert.DoesNotContain("data-testid=\"en-attente\"", after, StringComparison.Ordinal);
        Assert.Contains("FR76 3000 6000 0112 3456 7890 189", after, StringComparison.Ordinal);
    }

    private sealed record VerifiedUser(HttpClient Client, string Email, Guid Id, string Name);

    /// <summary>An organisation of Lyon (region 84) with a user verified by the region's program officer.</summary>
    private async Task<VerifiedUser> VerifiedOrganisation()
    {
        var officer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, Consortia.Region));
        var (client, email, organisationId, requestId) = await Consortia.RequestMembership(app);
        (await officer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = true })).EnsureSuccessStatusCode();
        await app.DeliverNotifications();
        var name = await app.Db(db => db.Organisations.Where(o => o.Id == new OrganisationId(organisationId)).Select(o => o.Name).SingleAsync());
        return new VerifiedUser(client, email, organisationId, name);
    }

    private async Task<(HttpClient Client, string Email)> FinanceOfficer(string region)
    {
        var email = await app.AddUser(Roles.FinanceOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, region));
        return (await app.ClientFor(email), email);
    }

    private static Task<HttpResponseMessage> Submit(HttpClient client, Guid organisationId, string iban, string bic) =>
        client.PostAsJsonAsync($"/api/organisations/{organisationId}/bank-details", new { holderName = "Coopérative de Lyon", iban, bic });

    private static async Task<(Guid Id, int Version)> PendingOf(HttpClient client, Guid organisationId)
    {
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/organisations/{organisationId}/bank-details");
        var pending = details.GetProperty("pending");
        return (pending.GetProperty("id").GetGuid(), pending.GetProperty("version").GetInt32());
    }

    private static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
