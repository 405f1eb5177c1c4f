using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Agreements;

/// <summary>The agreement pages: the agreement as each party reads it, signing from the page, the printable document and the ways to reach them.</summary>
public sealed class AgreementPagesTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task Officers_finance_staff_and_the_lead_member_read_the_agreement_with_their_own_actions_and_another_consortium_gets_not_found()
    {
        var setup = await new AgreementSetup(app).Signed(state: 90_000m, region: 30_000m);
        var path = $"/Conventions/Convention?id={setup.Id}";

        var officer = await Browser(await app.AddUser(Roles.ProgramOfficer, setup.Committee.Consortium.State));
        var officerPage = Text(await officer.Get(path));
        Assert.Contains("Pôle coopératif du Rhône", officerPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"amend-link\"", officerPage, StringComparison.Ordinal);
        Assert.Contains($"/Conventions/Resiliation?id={setup.Id}", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"finance-link\"", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sign-form\"", officerPage, StringComparison.Ordinal);
        Assert.Contains("SCIC Lyon Comité", officerPage, StringComparison.Ordinal);
        Assert.Contains("Association Partenaire Comité", officerPage, StringComparison.Ordinal);
        var installments = (await setup.Installments(setup.State)).Concat(await setup.Installments(setup.Region)).ToList();
        Assert.Equal(installments.Count, Count(officerPage, "data-testid=\"installment\""));
        Assert.Contains(">Prévue</span>", officerPage, StringComparison.Ordinal);
        Assert.Contains("En vigueur", officerPage, StringComparison.Ordinal);

        var finance = await Browser(await app.AddUser(Roles.FinanceOfficer, setup.Committee.Consortium.State));
        var financePage = await finance.Get(path);
        Assert.Contains($"/Finances/Convention?id={setup.Id}", financePage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"amend-link\"", financePage, StringComparison.Ordinal);
        Assert.Contains($"/Conventions/Convention?id={setup.Id}", await finance.Get("/Conventions"), StringComparison.Ordinal);
        var otherFinance = await Browser(await app.AddUser(Roles.FinanceOfficer, await app.AddFunder(FunderKind.Region, "11")));
        Assert.DoesNotContain(setup.Id.ToString(), await otherFinance.Get("/Conventions"), StringComparison.Ordinal);
        Assert.Contains($"/Conventions/Convention?id={setup.Id}", await officer.Get("/Conventions"), StringComparison.Ordinal);

        var lead = await Browser(setup.Committee.LeadEmail);
        var leadPage = await lead.Get(path);
        Assert.Contains($"/Conventions/Document?id={setup.Id}", leadPage, StringComparison.Ordinal);
        Assert.Equal(installments.Count, Count(leadPage, "data-testid=\"installment\""));
        Assert.DoesNotContain("data-testid=\"finance-link\"", leadPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"amend-link\"", leadPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"terminate-link\"", leadPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/Conventions", leadPage, StringComparison.Ordinal);
        Assert.Contains($"/Conventions/Convention?id={setup.Id}", await lead.Get("/Conventions"), StringComparison.Ordinal);

        var (otherEmail, _) = await setup.Committee.Consortium.VerifiedUserOf(await setup.Committee.Consortium.Organisation("SCIC Autre Consortium"));
        var other = await Browser(otherEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetResponse(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetResponse($"/Conventions/Document?id={setup.Id}")).StatusCode);
        Assert.DoesNotContain(setup.Id.ToString(), await other.Get("/Conventions"), StringComparison.Ordinal);
        var elsewhere = await Browser(await app.AddUser(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "11")));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetResponse(path)).StatusCode);
    }

    [Fact]
    public async Task The_parties_sign_from_the_page_and_a_stale_signature_shows_the_french_message_without_signing()
    {
        var setup = await new AgreementSetup(app).Drafted(state: 60_000m, region: 0m);
        var path = $"/Conventions/Convention?id={setup.Id}";
        var lead = await Browser(setup.Committee.LeadEmail);
        var officer = await Browser(await app.AddUser(Roles.ProgramOfficer, setup.Committee.Consortium.State));
        var regionOfficer = await Browser(await app.AddUser(Roles.ProgramOfficer, setup.Committee.Consortium.Region));
        Assert.DoesNotContain("data-testid=\"sign-form\"", await regionOfficer.Get(path), StringComparison.Ordinal);
        var readVersion = await setup.VersionOf();
        Assert.Contains("data-testid=\"sign-form\"", await lead.Get(path), StringComparison.Ordinal);

        app.Clock.Now = AgreementSetup.SignedAt;
        var byOfficer = await Text(await officer.Post(path + "&handler=Sign", Version(readVersion)));
        Assert.Contains("Votre signature est enregistrée", byOfficer, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sign-form\"", byOfficer, StringComparison.Ordinal);

        var stale = await Text(await lead.Post(path + "&handler=Sign", Version(readVersion)));
        Assert.Contains("data-testid=\"error\"", stale, StringComparison.Ordinal);
        Assert.Contains("Ces informations ont été modifiées par quelqu'un d'autre depuis votre lecture", WebUtility.HtmlDecode(stale), StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Draft, await StatusOf(setup));

        var signed = await Text(await lead.Post(path + "&handler=Sign", Version(await setup.VersionOf())));
        Assert.Contains("toutes les parties ont signé", signed, StringComparison.Ordinal);
        Assert.Contains(">Signée</span>", signed, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Signed, await StatusOf(setup));
        Assert.Equal(2, Count(signed, "signée par "));

        var twice = await Text(await lead.Post(path + "&handler=Sign", Version(await setup.VersionOf())));
        Assert.Contains("les signatures sont closes", twice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_has_the_articles_the_parties_and_every_installment_of_the_schedule_in_french()
    {
        var setup = await new AgreementSetup(app).Signed(state: 90_000m, region: 30_000m);

        var lead = await Browser(setup.Committee.LeadEmail);
        var document = Text(await lead.Get($"/Conventions/Document?id={setup.Id}"));

        Assert.Contains("<h1>Convention pluriannuelle d'objectifs</h1>", document, StringComparison.Ordinal);
        string[] articles =
        [
            "Article 1 — Parties", "Article 2 — Objet", "Article 3 — Durée et dates", "Article 4 — Engagement financier",
            "Article 5 — Modalités de versement", "Article 6 — Objectifs et indicateurs", "Article 7 — Obligations de compte rendu",
            "Article 8 — Avenants", "Article 9 — Résiliation", "Article 10 — Signatures",
        ];
        Assert.All(articles, article => Assert.Contains($"<h2>{article}</h2>", document, StringComparison.Ordinal));
        Assert.DoesNotContain("fr-header", document, StringComparison.Ordinal);
        Assert.Contains("/css/convention.css", document, StringComparison.Ordinal);
        Assert.Contains("Imprimer / enregistrer en PDF", document, StringComparison.Ordinal);

        var funders = await app.Db(db => db.Funders.Where(f => f.Id == setup.State || f.Id == setup.Region).Select(f => f.Name).ToListAsync());
        Assert.All(funders, name => Assert.Contains(name, document, StringComparison.Ordinal));
        Assert.Contains("SCIC Lyon Comité", document, StringComparison.Ordinal);
        Assert.Contains("Association Partenaire Comité", document, StringComparison.Ordinal);
        Assert.Equal(3, Count(document, "data-testid=\"document-signature\""));
        Assert.Contains("90 000,00 €", document, StringComparison.Ordinal);
        Assert.Contains("45 000,00 €", document, StringComparison.Ordinal);

        foreach (var funder in new[] { setup.State, setup.Region })
        {
            var installments = await setup.Installments(funder);
            Assert.NotEmpty(installments);
            var name = await app.Db(db => db.Funders.Where(f => f.Id == funder).Select(f => f.Name).SingleAsync());
            var table = Schedule(document, name);
            Assert.Equal(installments.Count, Count(table, "data-testid=\"document-installment\""));
            Assert.All(installments, i => Assert.Contains(Text(Money.Format(i.Amount)), table, StringComparison.Ordinal));
            Assert.All(installments, i => Assert.Contains(i.DueFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), table, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_officer_drafts_the_agreement_from_the_review_page_and_the_consortium_reaches_it_from_its_application()
    {
        var committee = await new CommitteeSetup(app).Start();
        var applicationId = await committee.Eligible(state: 80_000m, region: 0m);
        await committee.Open(committee.FirstSession);
        (await committee.Accept(await committee.Member(), committee.FirstSession, applicationId, state: 80_000m)).EnsureSuccessStatusCode();
        var officer = await Browser(await app.AddUser(Roles.ProgramOfficer, committee.Consortium.State));
        var review = $"/Instruction/Dossier?id={applicationId}";
        Assert.DoesNotContain("data-testid=\"draft-agreement\"", await officer.Get(review), StringComparison.Ordinal);
        await committee.Close(committee.FirstSession);
        Assert.Contains("data-testid=\"draft-agreement\"", await officer.Get(review), StringComparison.Ordinal);

        var drafted = await officer.Post(review + "&handler=Agreement", new Dictionary<string, string>());
        var page = Text(await drafted.Content.ReadAsStringAsync());

        var agreementId = await app.Db(db => db.Agreements.Where(a => a.ApplicationId == new FundingApplicationId(applicationId)).Select(a => a.Id.Value).SingleAsync());
        Assert.Equal($"/Conventions/Convention?id={agreementId}", drafted.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("En projet", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sign-form\"", page, StringComparison.Ordinal);
        var again = await officer.Get(review);
        Assert.DoesNotContain("data-testid=\"draft-agreement\"", again, StringComparison.Ordinal);
        Assert.Contains($"/Conventions/Convention?id={agreementId}", again, StringComparison.Ordinal);

        var lead = await Browser(committee.LeadEmail);
        Assert.Contains($"/Conventions/Convention?id={agreementId}", await lead.Get($"/Portail/Candidatures/Dossier?id={applicationId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_amendment_changing_the_lead_member_the_new_leads_users_find_the_agreement_in_their_list()
    {
        var setup = await new AgreementSetup(app).Signed(state: 60_000m, region: 0m);
        var signed = await app.Db(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == new AgreementId(setup.Id)));
        var partner = signed.Members.First(m => m.OrganisationId != signed.LeadOrganisationId).OrganisationId;
        var (partnerEmail, _) = await setup.Committee.Consortium.VerifiedUserOf(partner.Value);
        var partnerBrowser = await Browser(partnerEmail);
        Assert.DoesNotContain(setup.Id.ToString(), await partnerBrowser.Get("/Conventions"), StringComparison.Ordinal);

        var amended = await (await setup.Committee.Officer()).PostAsJsonAsync($"/api/agreements/{setup.Id}/amendments", new
        {
            kind = "ChangeLeadMember",
            effectiveOn = "2027-03-01",
            reason = "Le chef de file se retire au profit d'un membre",
            leadOrganisationId = partner.Value,
            expectedVersion = await setup.VersionOf(),
        });

        Assert.Equal(HttpStatusCode.Created, amended.StatusCode);
        Assert.Contains($"/Conventions/Convention?id={setup.Id}", await partnerBrowser.Get("/Conventions"), StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Id.ToString(), await (await Browser(setup.Committee.LeadEmail)).Get("/Conventions"), StringComparison.Ordinal);
    }

    private async Task<CookieBrowser> Browser(string email)
    {
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        return browser;
    }

    private static Dictionary<string, string> Version(int version) => new() { ["expectedVersion"] = version.ToString(CultureInfo.InvariantCulture) };

    private Task<AgreementStatus> StatusOf(AgreementSetup setup) =>
        app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(setup.Id)).Select(a => a.Status).SingleAsync());

    /// <summary>The page as read: entities decoded, the no-break spaces of French formatting as plain spaces.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(html).Replace('\u202f', ' ').Replace('\u00a0', ' ');

    private static async Task<string> Text(HttpResponseMessage response) => Text(await response.Content.ReadAsStringAsync());

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>The schedule of one funder in the document: from its heading to the next funder's or to the next article.</summary>
    private static string Schedule(string document, string funderName)
    {
        var start = document.IndexOf($"<h3>Échéancier — {funderName}</h3>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No schedule for {funderName}");
        var next = document.IndexOf("<h3>", start + 1, StringComparison.Ordinal);
        var article = document.IndexOf("<h2>", start, StringComparison.Ordinal);
        return document[start..(next >= 0 && next < article ? next : article)];
    }
}
