using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Partners;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Partners;

/// <summary>
/// A partner system of one funder calls the API with client credentials (docs/adr/0035): it reaches its funder's data
/// within its scopes, nothing of another funder, nothing outside its scopes, and nothing once revoked.
/// </summary>
public sealed class PartnerClientTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task A_finance_system_reads_its_funders_agreements_and_records_a_payment_and_nothing_else()
    {
        var shared = await new AgreementSetup(app).Signed(state: 60_000m, region: 20_000m);
        var stateOnly = await new AgreementSetup(app).Signed(state: 50_000m, region: 0m);
        var admin = await app.ClientFor(Roles.Administrator, null);
        var registered = await Register(admin, "SI financier de la Région", shared.Region.Value, PartnerScope.FunderRead, PartnerScope.FunderFinance);
        var partner = await Partner(registered);

        // Its funder's agreements, and only those.
        var listed = await partner.GetFromJsonAsync<JsonElement>("/api/agreements");
        var ids = listed.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(shared.Id, ids);
        Assert.DoesNotContain(stateOnly.Id, ids);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/agreements/{shared.Id}")).StatusCode);
        var elsewhere = await partner.GetAsync($"/api/agreements/{stateOnly.Id}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.DoesNotContain(stateOnly.Id.ToString(), await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The legal commitment and a payment of its funder, the payment replayable with its Idempotency-Key.
        var commitment = await partner.PutAsJsonAsync($"/api/agreements/{shared.Id}/legal-commitment", new { reference = "EJ-2026-0042", expectedVersion = await Version(shared.Id) });
        Assert.Equal(HttpStatusCode.OK, commitment.StatusCode);
        var advance = await shared.Installment(shared.Region, 1, InstallmentKind.Advance);
        await shared.Order(await shared.Finance(shared.Region), advance);
        var paid = await AgreementSetup.Pay(partner, advance, "si-region-0001", 2_000m);
        var replayed = await AgreementSetup.Pay(partner, advance, "si-region-0001", 2_000m);
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Single((await shared.Installment(shared.Region, 1, InstallmentKind.Advance)).Payments);
        var audit = await app.Db(db => db.AuditEntries.Where(a => a.Operation == "RecordPayment").Select(a => a.ActorName).ToListAsync());
        Assert.Contains($"{registered.ClientId}@clients.ptce.invalid", audit); // the client's account, in the audit trail

        // Outside its scopes: ordering an installment, the administration, another funder's installment.
        var order = await partner.PostAsJsonAsync($"/api/installments/{advance.Id}/order", new { reference = "DP-1", expectedVersion = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, order.StatusCode);
        Assert.Equal("auth.scope_missing", (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/admin/jobs")).StatusCode);
        var stateAdvance = await stateOnly.Installment(stateOnly.State, 1, InstallmentKind.Advance);
        Assert.Equal(HttpStatusCode.NotFound, (await AgreementSetup.Pay(partner, stateAdvance, "si-region-0002", 1_000m)).StatusCode);

        // Revoked: its token is refused at its next request, and it gets no new one.
        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/partner-clients/{registered.Id}/revoke", null)).StatusCode);
        var afterRevocation = await partner.GetAsync("/api/agreements");
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"refused after {watch.Elapsed.TotalSeconds:0.0} s");
        var again = await Token(registered.ClientId, registered.Secret!);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("invalid_client", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_read_only_client_cannot_record_a_payment_and_its_account_never_signs_in()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 40_000m, region: 10_000m);
        var admin = await app.ClientFor(Roles.Administrator, null);
        var registered = await Register(admin, "Logiciel de gestion des aides", agreement.State.Value, PartnerScope.FunderRead);
        var partner = await Partner(registered);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);

        var payment = await AgreementSetup.Pay(partner, advance, "lecture-seule", 1_000m);
        var read = await partner.GetAsync($"/api/agreements/{agreement.Id}");
        var finance = await partner.GetAsync("/api/finance/agreements");
        var wider = await Token(registered.ClientId, registered.Secret!, "funder.read funder.finance");
        var signIn = await new CookieBrowser(app).Login($"{registered.ClientId}@clients.ptce.invalid", registered.Secret!);

        Assert.Equal(HttpStatusCode.Forbidden, payment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, finance.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wider.StatusCode);
        Assert.False((await wider.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("access_token", out _));
        Assert.Contains("Adresse électronique ou mot de passe incorrect", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotated_secret_replaces_the_old_one_and_only_platform_administrators_manage_clients()
    {
        var region = await app.AddFunder(Domain.Funders.FunderKind.Region, "24");
        var admin = await app.ClientFor(Roles.Administrator, null);
        var registered = await Register(admin, "Portail régional", region.Id.Value, PartnerScope.OpenData);

        var rotated = await (await admin.PostAsync($"/api/admin/partner-clients/{registered.Id}/secret", null)).Content.ReadFromJsonAsync<Credentials>();
        var withOld = await Token(registered.ClientId, registered.Secret!);
        var withNew = await Token(registered.ClientId, rotated!.Secret!);
        var funderAdmin = await app.ClientFor(Roles.Administrator, region);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/admin/partner-clients");

        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.NotEqual(registered.Secret, rotated.Secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await funderAdmin.GetAsync("/api/admin/partner-clients")).StatusCode);
        var row = Assert.Single(listed.EnumerateArray(), c => c.GetProperty("id").GetGuid() == registered.Id);
        Assert.Equal(["opendata.read"], row.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.String, row.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(rotated.Secret!, listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_page_an_administrator_registers_a_client_sees_its_secret_once_and_revokes_it()
    {
        var funder = await app.AddFunder(Domain.Funders.FunderKind.Region, "53");
        var browser = new CookieBrowser(app);
        await browser.Login(await app.AddUser(Roles.Administrator), PtceApp.Password);
        var form = await browser.Get("/Admin/Clients");
        var registrationId = System.Text.RegularExpressions.Regex.Match(form, "name=\"RegistrationId\" value=\"([^\"]+)\"").Groups[1].Value;

        var fields = new Dictionary<string, string>
        {
            ["RegistrationId"] = registrationId,
            ["Name"] = "GdA Bretagne",
            ["FunderId"] = funder.Id.Value.ToString(),
            ["Scopes"] = "funder.read",
        };
        var issued = WebUtility.HtmlDecode(await (await browser.Post("/Admin/Clients", "/Admin/Clients?handler=Register", fields)).Content.ReadAsStringAsync());
        var again = WebUtility.HtmlDecode(await browser.Get("/Admin/Clients"));

        Assert.Contains("Le client « GdA Bretagne » est enregistré.", issued, StringComparison.Ordinal);
        var secret = System.Text.RegularExpressions.Regex.Match(issued, "value=\"([^\"]+)\" autocomplete=\"off\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(secret));
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Contains("GdA Bretagne", again, StringComparison.Ordinal);
        var client = await app.Db(db => db.PartnerClients.SingleAsync(c => c.Name == "GdA Bretagne"));
        Assert.Equal(PartnerScopes.FunderRead, client.Scopes);
        Assert.Equal(HttpStatusCode.OK, (await Token(client.ClientId, secret)).StatusCode);
    }

    [Fact]
    public async Task Requests_sent_together_on_one_client_each_get_an_answer_and_leave_one_consistent_client()
    {
        var region = await app.AddFunder(Domain.Funders.FunderKind.Region, "27");
        var admin = await app.ClientFor(Roles.Administrator, null);
        var id = Guid.NewGuid();
        var body = new { id, name = "Envoyé deux fois", funderId = region.Id.Value, scopes = new[] { "funder.read" } };

        var registrations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsJsonAsync("/api/admin/partner-clients", body)));
        var rotations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsync($"/api/admin/partner-clients/{id}/secret", null)));
        var revocations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsync($"/api/admin/partner-clients/{id}/revoke", null)));

        Assert.All(registrations, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(registrations, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(rotations, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.All(revocations, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.Conflict }));
        var client = await app.Db(db => db.PartnerClients.SingleAsync(c => c.Id == new PartnerClientId(id)));
        Assert.True(client.IsRevoked);
        Assert.Equal(1, await app.Db(db => db.Users.CountAsync(u => u.Email == client.ClientId + "@clients.ptce.invalid")));
    }

    private sealed record Credentials(Guid Id, string ClientId, string? Secret);

    private static async Task<Credentials> Register(HttpClient admin, string name, Guid funderId, params string[] scopes)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/partner-clients", new { id = Guid.NewGuid(), name, funderId, scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var credentials = (await response.Content.ReadFromJsonAsync<Credentials>())!;
        Assert.False(string.IsNullOrEmpty(credentials.Secret));
        return credentials;
    }

    private async Task<HttpResponseMessage> Token(string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    private async Task<HttpClient> Partner(Credentials credentials)
    {
        var response = await Token(credentials.ClientId, credentials.Secret!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return client;
    }

    private Task<int> Version(Guid agreementId) => app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(agreementId)).Select(a => a.Version).SingleAsync());
}
