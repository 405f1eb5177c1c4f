using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;

namespace PtceFunding.IntegrationTests.Reviews;

/// <summary>The officer's review page and the consortium's side of corrections, driven like a browser without JavaScript.</summary>
public sealed partial class ReviewPagesTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task The_officer_takes_the_file_and_requests_corrections_through_the_review_page()
    {
        var file = await UnderReview.Submitted(app, "SCIC Page instruction");
        var browser = new CookieBrowser(app);
        await browser.Login(file.OfficerEmail, PtceApp.Password);
        var page = $"/Instruction/Dossier?id={file.Id}";

        var opened = await browser.Get(page);
        Assert.Contains("Pôle coopératif du Rhône", opened, StringComparison.Ordinal);
        Assert.Contains(file.Reference, opened, StringComparison.Ordinal);
        Assert.Matches($"href=\"/api/applications/{file.Id}/documents/[0-9a-f-]{{36}}\"", opened);
        Assert.Contains("Personne n'a encore pris ce dossier en charge.", opened, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Submitted\"", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Proposal", opened, StringComparison.Ordinal); // not complete yet

        var taken = await Text(await browser.Post(page + "&handler=Assign", new Dictionary<string, string> { ["expectedVersion"] = Version(opened) }));
        Assert.Contains("Vous avez pris le dossier en charge.", taken, StringComparison.Ordinal);
        Assert.Contains("(vous)", taken, StringComparison.Ordinal);

        var pastDue = await Text(await browser.Post(page + "&handler=Corrections", new Dictionary<string, string>
        {
            ["expectedVersion"] = Version(taken),
            ["items"] = "Joindre le budget signé",
            ["dueOn"] = "2026-11-30",
        }));
        Assert.Contains("data-testid=\"errors-corrections\"", pastDue, StringComparison.Ordinal);
        Assert.Contains("Joindre le budget signé</textarea>", pastDue, StringComparison.Ordinal); // what was typed is kept

        var sent = await Text(await browser.Post(page + "&handler=Corrections", new Dictionary<string, string>
        {
            ["expectedVersion"] = Version(pastDue),
            ["items"] = "Joindre le budget signé\r\n\r\nPréciser le rôle du partenaire\r\n",
            ["dueOn"] = "2026-12-15",
        }));

        Assert.Contains("Le dossier est renvoyé au consortium", sent, StringComparison.Ordinal);
        Assert.Contains("Corrections demandées", Status(sent));
        Assert.Contains("<li>Préciser le rôle du partenaire</li>", sent, StringComparison.Ordinal);
        var application = (await file.ReviewView()).GetProperty("application");
        Assert.Equal(["Joindre le budget signé", "Préciser le rôle du partenaire"], application.GetProperty("correctionItems").EnumerateArray().Select(i => i.GetString()));
        await app.DeliverNotifications();
        Assert.Single(app.Mail.To(file.LeadEmail), m => m.Subject == $"Des corrections sont demandées sur votre dossier {file.Reference}");
    }

    [Fact]
    public async Task The_proposal_form_offers_the_call_funders_durations_and_french_schedule_shapes_and_saves_them()
    {
        var file = await UnderReview.Submitted(app, "SCIC Page proposition");
        await file.Ensure("completeness");
        var browser = new CookieBrowser(app);
        await browser.Login(file.OfficerEmail, PtceApp.Password);
        var page = $"/Instruction/Dossier?id={file.Id}";
        var opened = await browser.Get(page);
        Assert.Contains(">Linéaire</option>", opened, StringComparison.Ordinal);
        Assert.Contains(">Dégressif</option>", opened, StringComparison.Ordinal);
        Assert.Contains(">Progressif</option>", opened, StringComparison.Ordinal);
        Assert.Contains(file.Consortium.Region.Name, opened, StringComparison.Ordinal);

        var saved = await Text(await browser.Post(page + "&handler=Proposal", new Dictionary<string, string>
        {
            ["expectedVersion"] = Version(opened),
            ["report"] = "Ancrage territorial avéré.",
            ["funderIds[0]"] = file.Consortium.State.Id.Value.ToString(),
            ["amounts[0]"] = "45 000",
            ["funderIds[1]"] = file.Consortium.Region.Id.Value.ToString(),
            ["amounts[1]"] = "30000,50",
            ["durationYears"] = "3",
            ["shape"] = "RampUp",
        }));

        Assert.Contains("la proposition sont enregistrés.", saved, StringComparison.Ordinal);
        var proposal = (await file.ReviewView()).GetProperty("proposal");
        Assert.Equal(75_000.50m, proposal.GetProperty("total").GetDecimal());
        Assert.Equal("RampUp", proposal.GetProperty("shape").GetString());
        Assert.Contains("échéancier progressif", saved[saved.IndexOf("data-testid=\"proposal\"", StringComparison.Ordinal)..][..600], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_designates_an_expert_by_email_and_then_reads_their_opinion_with_its_confidential_part()
    {
        var file = await UnderReview.Submitted(app, "SCIC Page expertise");
        await file.Ensure("completeness");
        var reviewer = await app.AddUser(Roles.Reviewer, file.Consortium.State);
        var browser = new CookieBrowser(app);
        await browser.Login(file.OfficerEmail, PtceApp.Password);
        var page = $"/Instruction/Dossier?id={file.Id}";

        var unknown = WebUtility.HtmlDecode(await Text(await browser.Post(page + "&handler=Reviewer", new Dictionary<string, string> { ["reviewerEmail"] = "personne@test.ptce.fr" })));
        var designated = WebUtility.HtmlDecode(await Text(await browser.Post(page + "&handler=Reviewer", new Dictionary<string, string> { ["reviewerEmail"] = reviewer })));

        Assert.Contains("Aucun compte ne porte cette adresse", unknown, StringComparison.Ordinal);
        Assert.Contains("L'expert est désigné", designated, StringComparison.Ordinal);
        Assert.Contains("Déclaration d'intérêts attendue", designated, StringComparison.Ordinal);

        var expert = await app.ClientFor(reviewer);
        var assignment = (await expert.GetFromJsonAsync<JsonElement>("/api/expertise"))[0].GetProperty("assignmentId").GetGuid();
        (await expert.PostAsJsonAsync($"/api/expertise/{assignment}/declaration", new { hasConflict = false })).EnsureSuccessStatusCode();
        var opinion = await expert.PostAsJsonAsync($"/api/expertise/{assignment}/opinion", new
        {
            scores = new[] { new { code = "ancrage", score = 4, comment = "Bon ancrage." }, new { code = "cooperation", score = 3, comment = "Coopération naissante." } },
            opinion = "Favourable",
            text = "Projet solide.",
            confidentialText = "Tension entre deux membres à surveiller.",
        });
        Assert.True(opinion.IsSuccessStatusCode, await opinion.Content.ReadAsStringAsync());

        var after = WebUtility.HtmlDecode(await browser.Get(page));
        Assert.Contains("Note moyenne : <strong>72 / 100</strong>", after, StringComparison.Ordinal);
        Assert.Contains("note pondérée 72 / 100", after, StringComparison.Ordinal);
        Assert.Contains("Tension entre deux membres à surveiller.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_outside_the_routing_gets_404_on_the_review_page()
    {
        var file = await UnderReview.Submitted(app, "SCIC Page routage");
        var outsider = await app.AddUser(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "53"));
        var browser = new CookieBrowser(app);
        await browser.Login(outsider, PtceApp.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetResponse($"/Instruction/Dossier?id={file.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_consortium_sees_the_requested_corrections_edits_and_the_lead_resubmits_from_the_portal()
    {
        var file = await UnderReview.Submitted(app, "SCIC Page redépôt");
        await file.Ensure("assignment");
        await file.Ensure("corrections", new { items = new[] { "Préciser le rôle du partenaire" }, dueOn = "2026-12-15" });
        var browser = new CookieBrowser(app);
        await browser.Login(file.LeadEmail, PtceApp.Password);
        var dossier = $"/Portail/Candidatures/Dossier?id={file.Id}";

        var opened = await browser.Get(dossier);
        Assert.Contains("Corrections demandées", Status(opened));
        Assert.Contains("Des corrections sont demandées pour le 15/12/2026", opened, StringComparison.Ordinal);
        Assert.Contains("<li>Préciser le rôle du partenaire</li>", opened, StringComparison.Ordinal);
        Assert.Contains("handler=Project", opened, StringComparison.Ordinal); // the sections are editable again
        Assert.Contains("Redéposer le dossier", opened, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"CorrectionsRequested\"", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("data-kind=\"Assigned\"", opened, StringComparison.Ordinal);

        var edited = await Text(await browser.Post(dossier + "&handler=Project", new Dictionary<string, string>
        {
            ["project.ExpectedVersion"] = Version(opened),
            ["project.Title"] = "Pôle coopératif du Rhône",
            ["project.Description"] = "Le partenaire anime la plateforme logistique mutualisée.",
            ["project.Territory"] = "Métropole de Lyon",
            ["project.Sectors"] = "Économie circulaire",
            ["project.StartDate"] = "2027-01-01",
            ["project.DurationYears"] = "2",
        }));
        Assert.Contains("La section « Projet » est enregistrée.", edited, StringComparison.Ordinal);

        var resubmitted = await Text(await browser.Post(dossier + "&handler=Resubmit", new Dictionary<string, string> { ["expectedVersion"] = Version(edited), ["confirm"] = "true" }));

        Assert.Contains("Le dossier corrigé est redéposé", resubmitted, StringComparison.Ordinal);
        Assert.Contains("Déposé", Status(resubmitted));
        Assert.DoesNotContain("handler=Project", resubmitted, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Resubmitted\"", resubmitted, StringComparison.Ordinal);
        var application = await Consortium.Get(file.Lead, file.Id);
        Assert.Equal("Submitted", application.GetProperty("status").GetString());
        Assert.Equal("Le partenaire anime la plateforme logistique mutualisée.", application.GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_ineligible_application_shows_its_reasons_to_the_consortium()
    {
        var file = await UnderReview.Submitted(app, "SCIC Page inéligible");
        await file.Ensure("completeness");
        await file.Ensure("eligibility", new { eligible = false, reasons = "Aucune structure de l'ESS n'est chef de file." });
        var browser = new CookieBrowser(app);
        await browser.Login(file.LeadEmail, PtceApp.Password);

        var page = await browser.Get($"/Portail/Candidatures/Dossier?id={file.Id}");

        Assert.Contains("Inéligible", Status(page));
        Assert.Contains("Aucune structure de l&#x27;ESS n&#x27;est chef de file.", page, StringComparison.Ordinal);
    }

    private static async Task<string> Text(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        return await response.Content.ReadAsStringAsync();
    }

    private static string Version(string page) => ExpectedVersion().Match(page).Groups[1].Value;

    private static string Status(string page) => StatusBadge().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"(?:project\\.ExpectedVersion|expectedVersion)\" value=\"(\\d+)\"")]
    private static partial Regex ExpectedVersion();

    [GeneratedRegex("data-testid=\"status\">([^<]+)<")]
    private static partial Regex StatusBadge();
}
