using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Accounts;

namespace PtceFunding.IntegrationTests.Organisations;

/// <summary>
/// Once an organisation has a verified user, colleagues join by invitation: a link e-mailed to their
/// address, accepted by the account of that address within 14 days.
/// </summary>
public sealed class OrganisationInvitationTests(PtceApp app) : IClassFixture<PtceApp>
{
    private const string Password = "Equipe-Solidaire-2026!";

    [Fact]
    public async Task A_colleague_invited_by_email_registers_accepts_and_acts_for_the_organisation()
    {
        var (organisation, inviterEmail, inviter) = await VerifiedMember("79204562900013");
        var colleague = $"collegue.{Guid.NewGuid():N}@test.ptce.fr";

        var invited = await inviter.PostAsJsonAsync($"/api/organisations/{organisation}/invitations", new { email = colleague.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
        var members = await inviter.GetFromJsonAsync<JsonElement>($"/api/organisations/{organisation}/members");
        Assert.Equal(colleague, Assert.Single(members.GetProperty("pendingInvitations").EnumerateArray()).GetProperty("email").GetString());

        await app.DeliverNotifications();
        var invitation = Assert.Single(app.Mail.To(colleague));
        Assert.Equal("Invitation à agir pour Coopérative 79204562900013 sur PtceFunding", invitation.Subject);
        Assert.Contains("(SIRET 79204562900013)", invitation.Text, StringComparison.Ordinal);
        var link = AccountLinks.Invitation(invitation);
        var token = AccountLinks.Query(link, "token");
        var stored = await app.Db(db => db.OrganisationInvitations.AsNoTracking().SingleAsync(i => i.OrganisationId == new OrganisationId(organisation)));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);

        // The colleague has no account yet: they open one with the invited address and confirm it.
        var registered = await app.CreateClient().PostAsJsonAsync("/api/account/register", new { email = colleague, displayName = "Paul Collègue", password = Password, acceptsTerms = true });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        await app.DeliverNotifications();
        await AccountLinks.Confirm(app, app.Mail.To(colleague)[^1]);
        var client = await SignIn(colleague, Password);

        var page = await SignedInBrowser(colleague, Password);
        var opened = await page.Get(link.PathAndQuery);
        Assert.Contains("Coopérative 79204562900013", opened, StringComparison.Ordinal);
        Assert.Contains("Accepter l'invitation", opened, StringComparison.Ordinal);

        var accepted = await client.PostAsJsonAsync("/api/organisation-invitations/accept", new { token });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(organisation, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisationId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/organisation-invitations/accept", new { token })).StatusCode);

        var mine = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/me/organisations")).EnumerateArray());
        Assert.Equal(organisation, mine.GetProperty("organisationId").GetGuid());
        Assert.Equal("Verified", mine.GetProperty("status").GetString());
        Assert.Equal("79204562900013", mine.GetProperty("siret").GetString());
        Assert.Equal("Auvergne-Rhône-Alpes", mine.GetProperty("regionName").GetString());

        var inviterId = await UserId(inviterEmail);
        var membership = await app.Db(db => db.OrganisationMemberships.AsNoTracking()
            .SingleAsync(m => m.OrganisationId == new OrganisationId(organisation) && m.UserId != inviterId));
        Assert.Equal(MembershipStatus.Verified, membership.Status);
        Assert.Equal(inviterId, membership.DecidedBy);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/organisations/{organisation}/members");
        Assert.Equal(2, after.GetProperty("members").GetArrayLength());
        Assert.Equal(0, after.GetProperty("pendingInvitations").GetArrayLength());
        Assert.True(await app.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OrganisationMembership) && a.EntityId == membership.Id.ToString() && a.Operation == "AcceptOrganisationInvitation")));
    }

    [Fact]
    public async Task An_invitation_accepted_by_the_account_of_another_address_is_refused()
    {
        var (organisation, _, inviter) = await VerifiedMember("44306184100047");
        var colleague = $"collegue.{Guid.NewGuid():N}@test.ptce.fr";
        await inviter.PostAsJsonAsync($"/api/organisations/{organisation}/invitations", new { email = colleague });
        await app.DeliverNotifications();
        var token = AccountLinks.Query(AccountLinks.Invitation(Assert.Single(app.Mail.To(colleague))), "token");
        var someoneElse = await app.AddUser(Roles.Applicant);

        var refused = await (await app.ClientFor(someoneElse)).PostAsJsonAsync("/api/organisation-invitations/accept", new { token });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("invitation.other_address", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var someoneElseId = await UserId(someoneElse);
        Assert.False(await app.Db(db => db.OrganisationMemberships.AnyAsync(m => m.UserId == someoneElseId)));
        Assert.Null(await app.Db(db => db.OrganisationInvitations.Where(i => i.Email == colleague).Select(i => i.AcceptedAt).SingleAsync()));

        var page = await SignedInBrowser(someoneElse, PtceApp.Password);
        Assert.Contains("vous êtes connecté avec un autre compte", await page.Get($"/Organisations/Invitation?token={token}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_and_inviting_again_sends_a_new_link_that_replaces_the_old_one()
    {
        var (organisation, inviterEmail, inviter) = await VerifiedMember("73282932000074");
        var colleague = await app.AddUser(Roles.Applicant);
        await inviter.PostAsJsonAsync($"/api/organisations/{organisation}/invitations", new { email = colleague });
        await app.DeliverNotifications();
        var oldToken = AccountLinks.Query(AccountLinks.Invitation(Assert.Single(app.Mail.To(colleague))), "token");
        var started = app.Clock.Now;
        try
        {
            app.Clock.Now = started.AddDays(15);
            var client = await app.ClientFor(colleague);

            var expired = await client.PostAsJsonAsync("/api/organisation-invitations/accept", new { token = oldToken });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, expired.StatusCode);
            Assert.Equal("invitation.expired", (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

            var again = await (await app.ClientFor(inviterEmail)).PostAsJsonAsync($"/api/organisations/{organisation}/invitations", new { email = colleague });
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
            await app.DeliverNotifications();
            var messages = app.Mail.To(colleague);
            Assert.Equal(2, messages.Count);
            var newToken = AccountLinks.Query(AccountLinks.Invitation(messages[^1]), "token");
            Assert.NotEqual(oldToken, newToken);

            var stale = await client.PostAsJsonAsync("/api/organisation-invitations/accept", new { token = oldToken });
            Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/organisation-invitations/accept", new { token = newToken })).StatusCode);
            Assert.Equal(1, await app.Db(db => db.OrganisationInvitations.CountAsync(i => i.OrganisationId == new OrganisationId(organisation))));
        }
        finally
        {
            app.Clock.Now = started;
        }
    }

    [Fact]
    public async Task Inviting_twice_in_a_row_sends_one_email_and_a_member_cannot_be_invited()
    {
        var (organisation, inviterEmail, inviter) = await VerifiedMember("35600000010000");
        var colleague = $"collegue.{Guid.NewGuid():N}@test.ptce.fr";

        var first = await inviter.PostAsJsonAsync($"/api/organisations/{organisation}/invitations", new { email = colleague });
        var second = await inviter.PostAsJsonAsync($"/api/organisations/{organisation}/invitations", new { email = $" {colleague} " });
        await app.DeliverNotifications();

        Assert.Equal(Id(await first.Content.ReadFromJsonAsync<JsonElement>()), Id(await second.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Single(app.Mail.To(colleague));
        var member = await inviter.PostAsJsonAsync($"/api/organisations/{organisation}/invitations", new { email = inviterEmail });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, member.StatusCode);
        Assert.Equal("invitation.already_member", (await member.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Someone_not_verified_for_the_organisation_can_neither_invite_nor_see_its_members()
    {
        var (organisation, _, _) = await VerifiedMember("51203456700010");
        var pending = await app.ClientFor(Roles.Applicant, null);
        var stranger = await app.ClientFor(Roles.Applicant, null);
        await pending.PostAsJsonAsync($"/api/organisations/{organisation}/membership-requests", new { justification = "Trésorier" });
        var colleague = $"collegue.{Guid.NewGuid():N}@test.ptce.fr";

        foreach (var client in new[] { pending, stranger })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/organisations/{organisation}/invitations", new { email = colleague })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/organisations/{organisation}/members")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/organisations/{Guid.NewGuid()}/members")).StatusCode);
        Assert.False(await app.Db(db => db.OrganisationInvitations.AnyAsync(i => i.Email == colleague)));
    }

    [Fact]
    public async Task An_applicant_registers_an_organisation_on_the_page_the_officer_verifies_it_on_theirs_and_the_applicant_invites_a_colleague()
    {
        var applicantEmail = await app.AddUser(Roles.Applicant);
        var officerEmail = await app.AddUser(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        var applicant = await SignedInBrowser(applicantEmail, PtceApp.Password);

        var empty = await applicant.Get("/Organisations");
        Assert.Contains("Vous n'agissez encore pour aucune organisation.", WebUtility.HtmlDecode(empty), StringComparison.Ordinal);
        Assert.Contains("href=\"/Organisations\"", empty, StringComparison.Ordinal);
        var unknown = await applicant.Get("/Organisations?Identifier=832%20829%20320%2000072");
        Assert.Contains("data-testid=\"organisation-inconnue\"", unknown, StringComparison.Ordinal);
        Assert.Contains("value=\"83282932000072\"", unknown, StringComparison.Ordinal);
        Assert.Contains(">Collectivité territoriale</option>", unknown, StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["Form.Name"] = "Ressourcerie du Rhône",
            ["Form.Siret"] = "83282932000072",
            ["Form.LegalForm"] = "Scic",
            ["Form.IsEss"] = "true",
            ["Form.Street"] = "4 rue Garibaldi",
            ["Form.PostalCode"] = "69003",
            ["Form.City"] = "Lyon",
            ["Form.CommuneCode"] = "99999",
            ["Justification"] = "Directrice, délégation du conseil coopératif",
        };
        var badCommune = WebUtility.HtmlDecode(await (await applicant.Post("/Organisations?handler=Register", form)).Content.ReadAsStringAsync());
        Assert.Contains("Le code commune INSEE « 99999 » est invalide", badCommune, StringComparison.Ordinal);
        form["Form.CommuneCode"] = "69383";
        var mandate = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
        var registered = WebUtility.HtmlDecode(await (await applicant.PostWithFile("/Organisations?handler=Register", form, "Mandate", "delegation.pdf", mandate)).Content.ReadAsStringAsync());
        Assert.Contains("L'organisation est enregistrée et votre demande", registered, StringComparison.Ordinal);
        Assert.Contains("Le justificatif « delegation.pdf » est joint à votre demande.", registered, StringComparison.Ordinal);
        Assert.Contains("En attente de vérification", registered, StringComparison.Ordinal);

        var officer = await SignedInBrowser(officerEmail, PtceApp.Password);
        var requests = WebUtility.HtmlDecode(await officer.Get("/Instruction/Rattachements"));
        Assert.Contains("href=\"/Instruction/Rattachements\"", requests, StringComparison.Ordinal);
        Assert.Contains("Directrice, délégation du conseil coopératif", requests, StringComparison.Ordinal);
        Assert.Contains("Télécharger le justificatif « delegation.pdf »", requests, StringComparison.Ordinal);
        var requestId = await app.Db(db => (from m in db.OrganisationMemberships join o in db.Organisations on m.OrganisationId equals o.Id where o.Siret == "83282932000072" select m.Id).SingleAsync());
        var download = await officer.GetResponse($"/api/membership-requests/{requestId}/mandate");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(mandate, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var withoutReason = WebUtility.HtmlDecode(await (await officer.Post("/Instruction/Rattachements?handler=Decide", new Dictionary<string, string> { ["id"] = requestId.ToString(), ["approve"] = "false", ["reason"] = "" })).Content.ReadAsStringAsync());
        Assert.Contains("Indiquez le motif du refus", withoutReason, StringComparison.Ordinal);
        var verified = WebUtility.HtmlDecode(await (await officer.Post("/Instruction/Rattachements?handler=Decide", new Dictionary<string, string> { ["id"] = requestId.ToString(), ["approve"] = "true" })).Content.ReadAsStringAsync());
        Assert.Contains("La demande est vérifiée", verified, StringComparison.Ordinal);

        var mine = WebUtility.HtmlDecode(await applicant.Get("/Organisations"));
        Assert.Contains("Vérifiée", mine, StringComparison.Ordinal);
        Assert.Contains("Inviter un collègue", mine, StringComparison.Ordinal);
        var colleague = $"collegue.{Guid.NewGuid():N}@test.ptce.fr";
        var organisationId = await app.Db(db => db.Organisations.Where(o => o.Siret == "83282932000072").Select(o => o.Id.Value).SingleAsync());
        var invited = WebUtility.HtmlDecode(await (await applicant.Post("/Organisations?handler=Invite", new Dictionary<string, string> { ["OrganisationId"] = organisationId.ToString(), ["InviteEmail"] = colleague })).Content.ReadAsStringAsync());
        Assert.Contains($"L'invitation est envoyée à {colleague}", invited, StringComparison.Ordinal);
        Assert.Contains($"{colleague} — invité par Applicant", invited, StringComparison.Ordinal);
        await app.DeliverNotifications();
        Assert.Single(app.Mail.To(colleague));
    }

    private static Guid Id(JsonElement body) => body.GetProperty("id").GetGuid();

    private async Task<(Guid Organisation, string Email, HttpClient Client)> VerifiedMember(string siret)
    {
        var email = await app.AddUser(Roles.Applicant);
        var client = await app.ClientFor(email);
        var organisation = await app.RegisterOrganisation(siret, client: client);
        var asked = await client.PostAsJsonAsync($"/api/organisations/{organisation}/membership-requests", new { justification = "Présidente" });
        var officer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        (await officer.PostAsJsonAsync($"/api/membership-requests/{Id(await asked.Content.ReadFromJsonAsync<JsonElement>())}/decision", new { approve = true })).EnsureSuccessStatusCode();
        return (organisation, email, client);
    }

    private async Task<HttpClient> SignIn(string email, string password)
    {
        var client = app.CreateClient();
        var response = await client.PostToken(new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<CookieBrowser> SignedInBrowser(string email, string password)
    {
        var browser = new CookieBrowser(app);
        Assert.Contains("Se déconnecter", await browser.Login(email, password), StringComparison.Ordinal);
        return browser;
    }

    private Task<Guid> UserId(string email) => app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
