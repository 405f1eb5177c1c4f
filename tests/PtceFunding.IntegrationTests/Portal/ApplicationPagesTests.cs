using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;

namespace PtceFunding.IntegrationTests.Portal;

/// <summary>The consortium portal, driven like a browser without JavaScript: forms, cookies, redirects.</summary>
public sealed partial class ApplicationPagesTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_verified_applicant_starts_a_draft_fills_every_section_through_the_forms_and_submits_it()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Portail Lyon");
        var partnerId = await consortium.Organisation("Association Portail", LegalForm.Association);
        var partnerSiret = await app.Db(db => db.Organisations.Where(o => o.Id == new OrganisationId(partnerId)).Select(o => o.Siret!).SingleAsync());
        var (email, _) = await consortium.VerifiedUserOf(leadId);
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);

        var form = await browser.Get($"/Portail/Candidatures/Nouvelle?callId={callId.Value}");
        var draftId = Guid.Parse(HiddenId().Match(form).Groups[1].Value);
        var start = new Dictionary<string, string>
        {
            ["Id"] = draftId.ToString(),
            ["CallId"] = callId.Value.ToString(),
            ["Category"] = Consortium.Emerging,
            ["LeadOrganisationId"] = leadId.ToString(),
            ["Title"] = "Pôle coopératif du Rhône",
        };
        var started = await browser.Post($"/Portail/Candidatures/Nouvelle?callId={callId.Value}", start);
        var startedAgain = await browser.Post($"/Portail/Candidatures/Nouvelle?callId={callId.Value}", start); // a double submit
        var dossier = $"/Portail/Candidatures/Dossier?id={draftId}";
        var opened = await Text(started);

        Assert.Equal(dossier, started.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Equal(dossier, startedAgain.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Equal(1, await app.Db(db => db.Applications.CountAsync(a => a.CallId == callId)));
        Assert.Contains("Points à compléter avant le dépôt", opened, StringComparison.Ordinal);
        var missingAtStart = Completeness(opened);
        Assert.Contains("application.description_missing", missingAtStart);
        Assert.Contains("application.document_missing", missingAtStart);

        var afterProject = await Text(await browser.Post(dossier + "&handler=Project", new Dictionary<string, string>
        {
            ["project.ExpectedVersion"] = Version(opened),
            ["project.Title"] = "Pôle coopératif du Rhône",
            ["project.Description"] = "Mutualiser un atelier et une plateforme logistique entre structures de l'ESS.",
            ["project.Territory"] = "Métropole de Lyon",
            ["project.Sectors"] = "Économie circulaire, Alimentation",
            ["project.StartDate"] = "2027-01-01",
            ["project.DurationYears"] = "2",
        }));
        Assert.Contains("La section « Projet » est enregistrée.", afterProject, StringComparison.Ordinal);
        Assert.DoesNotContain("application.description_missing", Completeness(afterProject));
        Assert.DoesNotContain("application.schedule_missing", Completeness(afterProject));
        Assert.Contains("eligibility.too_few_members", Completeness(afterProject));

        var unknown = await Text(await browser.Post(dossier + "&handler=AddMember", new Dictionary<string, string> { ["expectedVersion"] = Version(afterProject), ["identifier"] = Consortium.NewSiret() }));
        Assert.Contains("n'est pas encore enregistrée sur la plateforme", unknown, StringComparison.Ordinal);
        Assert.Contains("href=\"/Organisations\"", unknown, StringComparison.Ordinal);

        var added = await Text(await browser.Post(dossier + "&handler=AddMember", new Dictionary<string, string> { ["expectedVersion"] = Version(unknown), ["identifier"] = partnerSiret }));
        Assert.Contains("Association Portail rejoint le consortium.", added, StringComparison.Ordinal);
        var composed = await Text(await browser.Post(dossier + "&handler=Consortium", new Dictionary<string, string>
        {
            ["consortium.ExpectedVersion"] = Version(added),
            ["consortium.Members[0].OrganisationId"] = leadId.ToString(),
            ["consortium.Members[0].Role"] = "Founding",
            ["consortium.Members[0].BudgetShare"] = "60",
            ["consortium.Members[1].OrganisationId"] = partnerId.ToString(),
            ["consortium.Members[1].Role"] = "TrainingPartner",
            ["consortium.Members[1].BudgetShare"] = "40",
        }));
        Assert.Contains("La composition du consortium est enregistrée.", composed, StringComparison.Ordinal);
        Assert.DoesNotContain("eligibility.too_few_members", Completeness(composed));
        Assert.True(Completeness(composed).Count < Completeness(afterProject).Count);

        var unreadable = await Text(await browser.Post(dossier + "&handler=Financing", Plan(consortium, Version(composed), stateAmount: "trente mille")));
        Assert.Contains("« trente mille » n'est pas un montant en euros", Plain(unreadable), StringComparison.Ordinal);
        Assert.Contains("value=\"trente mille\"", unreadable, StringComparison.Ordinal); // what was typed stays in the form

        var planned = await Text(await browser.Post(dossier + "&handler=Financing", Plan(consortium, Version(unreadable), stateAmount: "30 000,00")));
        Assert.Contains("Le plan de financement est enregistré.", planned, StringComparison.Ordinal);
        Assert.Contains("équilibré", planned, StringComparison.Ordinal);
        Assert.DoesNotContain(Completeness(planned), code => code.StartsWith("plan.", StringComparison.Ordinal) || code == "application.amount_missing");
        Assert.True(Completeness(planned).Count < Completeness(composed).Count);
        Assert.Contains("60 000,00 €", Plain(planned), StringComparison.Ordinal); // 30 000 € a year asked of the State for two years
        Assert.Contains("100 000,00 €", Plain(planned), StringComparison.Ordinal); // total requested

        var committed = await Text(await browser.Post(dossier + "&handler=Indicators", new Dictionary<string, string>
        {
            ["indicators.ExpectedVersion"] = Version(planned),
            ["indicators.Items[0].Code"] = "emplois",
            ["indicators.Items[0].Baseline"] = "4",
            ["indicators.Items[0].Targets[0]"] = "5",
            ["indicators.Items[0].Targets[1]"] = "6,5",
        }));
        Assert.Contains("Les indicateurs sont enregistrés.", committed, StringComparison.Ordinal);
        Assert.Equal(["application.document_missing"], Completeness(committed));
        Assert.Contains("Pièce manquante : Statuts du chef de file.", committed, StringComparison.Ordinal);

        var disguised = await Text(await browser.PostWithFile(dossier + "&handler=Document", new Dictionary<string, string> { ["requiredDocumentCode"] = "statuts" }, "file", "statuts.pdf", "MZ\u0090\0 not a pdf"u8.ToArray()));
        Assert.Contains("id=\"piece-fichier-erreur\"", disguised, StringComparison.Ordinal);
        Assert.Contains("exécutable", disguised, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["application.document_missing"], Completeness(disguised));
        Assert.Equal(0, await app.Db(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == new FundingApplicationId(draftId))));

        var uploaded = await Text(await browser.PostWithFile(dossier + "&handler=Document", new Dictionary<string, string> { ["requiredDocumentCode"] = "statuts" }, "file", "statuts.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()));
        Assert.Contains("La pièce « statuts.pdf » est jointe au dossier.", uploaded, StringComparison.Ordinal);
        var complete = await browser.Get(dossier);
        Assert.Contains("Votre dossier est complet", complete, StringComparison.Ordinal);
        Assert.Contains("statuts.pdf", complete, StringComparison.Ordinal);

        var submitted = await Text(await browser.Post(dossier + "&handler=Submit", new Dictionary<string, string> { ["expectedVersion"] = Version(complete), ["confirm"] = "true" }));

        var reference = Reference().Match(submitted).Groups[1].Value;
        Assert.Matches("^PTCE-2026-[0-9A-F]{10}$", reference);
        Assert.Contains("Votre dossier est déposé", submitted, StringComparison.Ordinal);
        Assert.Contains("Session 1", submitted, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Project", submitted, StringComparison.Ordinal); // read-only once filed
        Assert.Contains("Retirer le dossier", submitted, StringComparison.Ordinal);
        var filed = await app.Db(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == new FundingApplicationId(draftId)));
        Assert.Equal(ApplicationStatus.Submitted, filed.Status);
        Assert.Equal(reference, filed.Reference);
        Assert.Equal(MemberRole.TrainingPartner, filed.Members.Single(m => m.OrganisationId == new OrganisationId(partnerId)).Role);
        Assert.Equal([5m, 6.5m], filed.Indicators.Single().YearlyTargets);
        var list = await browser.Get("/Portail/Candidatures");
        Assert.Contains(reference, list, StringComparison.Ordinal);
        Assert.Contains("Déposé", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_an_incomplete_draft_from_the_page_lists_every_failure_and_files_nothing()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Incomplète");
        var partnerId = await consortium.Organisation("Association Incomplète", LegalForm.Association);
        var (email, lead) = await consortium.VerifiedUserOf(leadId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await Consortium.Put(lead, id, "financing", await Consortium.VersionOf(lead, id), consortium.Plan(2, 30_000m, 20_000m, imbalanceInLastYear: 0.01m));
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        var dossier = $"/Portail/Candidatures/Dossier?id={id}";

        var refused = await Text(await browser.Post(dossier + "&handler=Submit", new Dictionary<string, string> { ["expectedVersion"] = Version(await browser.Get(dossier)), ["confirm"] = "true" }));

        Assert.Contains("Le dossier n’a pas pu être déposé", refused, StringComparison.Ordinal);
        Assert.Contains("Le plan de financement de l'année 2 n'est pas équilibré", Plain(refused), StringComparison.Ordinal);
        Assert.Contains("Pièce manquante : Statuts du chef de file.", Section(refused, "errors-depot"), StringComparison.Ordinal);
        Assert.Contains("écart de 0,01 €", Plain(refused), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, await app.Db(db => db.Applications.Where(a => a.Id == new FundingApplicationId(id)).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_lead_member_withdraws_a_filed_application_from_its_read_only_page_with_a_reason()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Retrait");
        var partnerId = await consortium.Organisation("Association Retrait", LegalForm.Association);
        var (email, lead) = await consortium.VerifiedUserOf(leadId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await consortium.AttachStatutes(id);
        (await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = await Consortium.VersionOf(lead, id) })).EnsureSuccessStatusCode();
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        var dossier = $"/Portail/Candidatures/Dossier?id={id}";
        var filed = await browser.Get(dossier);

        var withdrawn = await Text(await browser.Post(dossier + "&handler=Withdraw", new Dictionary<string, string> { ["expectedVersion"] = Version(filed), ["reason"] = "Projet reporté" }));

        Assert.Contains("Session 1", filed, StringComparison.Ordinal);
        Assert.Contains("Le dossier est retiré.", withdrawn, StringComparison.Ordinal);
        Assert.Contains("Projet reporté", withdrawn, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Withdraw", withdrawn, StringComparison.Ordinal);
        var after = await app.Db(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == new FundingApplicationId(id)));
        Assert.Equal(ApplicationStatus.Withdrawn, after.Status);
        Assert.Equal("Projet reporté", after.WithdrawalReason);
    }

    [Fact]
    public async Task A_form_posted_from_an_outdated_read_shows_the_concurrency_message_the_current_data_and_changes_nothing()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Concurrente");
        var (email, lead) = await consortium.VerifiedUserOf(leadId);
        var id = Guid.NewGuid();
        (await lead.PostAsJsonAsync("/api/applications", new { id, callId = callId.Value, category = Consortium.Emerging, stage = 1, leadOrganisationId = leadId, title = "Titre d'origine" }))
            .EnsureSuccessStatusCode();
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        var dossier = $"/Portail/Candidatures/Dossier?id={id}";
        var readBefore = Version(await browser.Get(dossier));
        var current = await Consortium.Put(lead, id, "project", 0, new { title = "Titre d'un collègue", description = "Écrit entre-temps." });

        var stale = await Text(await browser.Post(dossier + "&handler=Project", new Dictionary<string, string>
        {
            ["project.ExpectedVersion"] = readBefore,
            ["project.Title"] = "Titre périmé",
            ["project.Description"] = "Ma version",
        }));

        Assert.Contains("Ce dossier a été modifié par quelqu'un d'autre", stale, StringComparison.Ordinal);
        Assert.Contains("value=\"Titre d&#x27;un collègue\"", stale, StringComparison.Ordinal); // the current data, not the stale form
        Assert.DoesNotContain("Titre périmé", stale, StringComparison.Ordinal);
        Assert.Equal(current.ToString(System.Globalization.CultureInfo.InvariantCulture), Version(stale));
        var after = await app.Db(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == new FundingApplicationId(id)));
        Assert.Equal("Titre d'un collègue", after.Title);
        Assert.Equal(current, after.Version);
    }

    [Fact]
    public async Task The_user_of_another_consortium_gets_404_on_the_application_page()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation("SCIC Propriétaire");
        var otherId = await consortium.Organisation("SCIC Voisine");
        var (_, lead) = await consortium.VerifiedUserOf(leadId);
        var (otherEmail, _) = await consortium.VerifiedUserOf(otherId);
        var id = Guid.NewGuid();
        (await lead.PostAsJsonAsync("/api/applications", new { id, callId = callId.Value, category = Consortium.Emerging, stage = 1, leadOrganisationId = leadId, title = "Projet confidentiel" }))
            .EnsureSuccessStatusCode();
        var browser = new CookieBrowser(app);
        await browser.Login(otherEmail, PtceApp.Password);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => browser.Get($"/Portail/Candidatures/Dossier?id={id}"));
        var list = await browser.Get("/Portail/Candidatures");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Projet confidentiel", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicant_without_a_verified_organisation_is_sent_to_register_or_join_one()
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var email = await app.AddUser(Roles.Applicant);
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);

        var page = await browser.Get($"/Portail/Candidatures/Nouvelle?callId={callId.Value}");

        Assert.Contains("Aucune organisation vérifiée", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Organisations\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ouvrir le brouillon", page, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Plan(Consortium consortium, string version, string stateAmount)
    {
        var fields = new Dictionary<string, string> { ["financing.ExpectedVersion"] = version };
        for (var year = 1; year <= 2; year++)
        {
            var e = (year - 1) * 2;
            fields[$"financing.Expenses[{e}].Year"] = $"{year}";
            fields[$"financing.Expenses[{e}].Category"] = "Staff";
            fields[$"financing.Expenses[{e}].Amount"] = "50000";
            fields[$"financing.Expenses[{e}].Label"] = "Coordination";
            fields[$"financing.Expenses[{e + 1}].Year"] = $"{year}";
            fields[$"financing.Expenses[{e + 1}].Category"] = "ExternalServices";
            fields[$"financing.Expenses[{e + 1}].Amount"] = "10 000";
            var r = (year - 1) * 4;
            fields[$"financing.Resources[{r}].Year"] = $"{year}";
            fields[$"financing.Resources[{r}].Source"] = "State";
            fields[$"financing.Resources[{r}].FunderId"] = consortium.State.Id.Value.ToString();
            fields[$"financing.Resources[{r}].Amount"] = stateAmount;
            fields[$"financing.Resources[{r + 1}].Year"] = $"{year}";
            fields[$"financing.Resources[{r + 1}].Source"] = "Region";
            fields[$"financing.Resources[{r + 1}].FunderId"] = consortium.Region.Id.Value.ToString();
            fields[$"financing.Resources[{r + 1}].Amount"] = "20000.00";
            fields[$"financing.Resources[{r + 2}].Year"] = $"{year}";
            fields[$"financing.Resources[{r + 2}].Source"] = "OwnRevenue";
            fields[$"financing.Resources[{r + 2}].Amount"] = "10000";
            fields[$"financing.Resources[{r + 3}].Year"] = $"{year}"; // an empty row, ignored
            fields[$"financing.Resources[{r + 3}].Source"] = "State";
            fields[$"financing.Resources[{r + 3}].FunderId"] = "";
            fields[$"financing.Resources[{r + 3}].Amount"] = "";
        }

        return fields;
    }

    private static async Task<string> Text(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The version the page's forms carry (every form of a draft carries the same one).</summary>
    private static string Version(string page) => ExpectedVersion().Match(page).Groups[1].Value;

    private static List<string> Completeness(string page) =>
        [.. CompletenessCode().Matches(Section(page, "completeness")).Select(m => m.Groups[1].Value)];

    private static string Section(string page, string testId)
    {
        var start = page.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId} on the page");
        var end = page.IndexOf("</div>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    /// <summary>The page as read: entities decoded, narrow and non-breaking spaces as plain ones.</summary>
    private static string Plain(string page) => WebUtility.HtmlDecode(page).Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [GeneratedRegex("name=\"Id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex HiddenId();

    [GeneratedRegex("name=\"(?:project\\.ExpectedVersion|expectedVersion)\" value=\"(\\d+)\"")]
    private static partial Regex ExpectedVersion();

    [GeneratedRegex("data-code=\"([^\"]+)\"")]
    private static partial Regex CompletenessCode();

    [GeneratedRegex("data-testid=\"receipt-reference\">([^<]+)<")]
    private static partial Regex Reference();
}
