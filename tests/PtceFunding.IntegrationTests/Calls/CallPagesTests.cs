using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Calls;

/// <summary>An administrator prepares a call from the pages: new programme, details, rules as typed lists, publication.</summary>
public sealed class CallPagesTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task An_administrator_drafts_a_call_in_a_new_programme_sets_its_rules_and_publishes_it_from_the_pages()
    {
        var funder = await app.AddFunder(FunderKind.Region, "84", "Région Auvergne-Rhône-Alpes");
        var browser = new CookieBrowser(app);
        await browser.Login(await app.AddUser(Roles.Administrator), PtceApp.Password);
        var form = await browser.Get("/Admin/Calls");
        var row = System.Text.RegularExpressions.Regex.Match(form, "name=\"Details.Funders\\[(\\d+)\\].FunderId\" value=\"" + funder.Id.Value).Groups[1].Value;

        Assert.NotEmpty(row);
        var created = await browser.Post("/Admin/Calls", new Dictionary<string, string>
        {
            ["NewProgrammeName"] = "Programme régional ESS",
            ["Details.Title"] = "AMI régional PTCE",
            ["Details.Mode"] = "Continuous",
            ["Details.OpensOn"] = "2026-11-01",
            ["Details.Categories"] = "PTCE émergent\nPTCE en consolidation",
            [$"Details.Funders[{row}].FunderId"] = funder.Id.Value.ToString(),
            [$"Details.Funders[{row}].Selected"] = "true",
            [$"Details.Funders[{row}].Envelope"] = "250 000,50",
        });
        var editPath = created.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.StartsWith("/Admin/Calls/Edit?id=", editPath, StringComparison.Ordinal);
        var callId = new CallId(Guid.Parse(editPath[(editPath.IndexOf('=') + 1)..]));

        var version = System.Text.RegularExpressions.Regex.Match(await browser.Get(editPath), "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await browser.Post(editPath + "&handler=Rules", new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Rules.EssRequired"] = "true",
            ["Rules.MinimumMembers"] = "3",
            ["Rules.LegalForms"] = "Scic",
            ["Rules.RegionCodes"] = "84",
            ["Rules.MaximumAmount"] = "100000",
            ["Rules.MaximumDurationYears"] = "3",
            ["Rules.Documents"] = "STATUTS | Statuts du chef de file\nBILAN | Dernier bilan",
            ["Rules.Indicators"] = "EMPLOIS | Emplois créés | ETP",
            ["Rules.Grid"] = "ANCRAGE | Ancrage territorial | 60 | 5\nCOOP | Coopération | 40 | 5",
        });
        Assert.Contains("Les règles sont enregistrées (version 1).", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var published = await browser.Post(editPath + "&handler=Publish", new Dictionary<string, string>());
        Assert.Contains("L'appel est publié", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var call = await app.Db(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId));
        Assert.Equal(CallStatus.Published, call.Status);
        Assert.Equal(250_000.50m, Assert.Single(call.Funders).Envelope);
        Assert.Equal(["PTCE émergent", "PTCE en consolidation"], call.Categories);
        Assert.Equal([LegalForm.Scic], call.CurrentRules.Eligibility.AllowedLegalForms);
        Assert.Equal(["STATUTS", "BILAN"], call.CurrentRules.Documents.Select(d => d.Code));
        Assert.Equal(60m, call.CurrentRules.Grid[0].Weight);
        Assert.Equal("Programme régional ESS", await app.Db(db => db.Programmes.Where(p => p.Id == call.ProgrammeId).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Rules_whose_weights_do_not_total_100_are_refused_on_the_page_with_the_typed_rows_kept()
    {
        var funder = await app.AddFunder();
        var admin = await app.ClientFor(Roles.Administrator, null);
        var id = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 1_000m)]));
        var browser = new CookieBrowser(app);
        await browser.Login(await app.AddUser(Roles.Administrator), PtceApp.Password);
        var editPath = $"/Admin/Calls/Edit?id={id}";
        var version = System.Text.RegularExpressions.Regex.Match(await browser.Get(editPath), "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        var refused = await browser.Post(editPath + "&handler=Rules", new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Rules.MinimumMembers"] = "1",
            ["Rules.MaximumDurationYears"] = "3",
            ["Rules.Grid"] = "ANCRAGE | Ancrage territorial | 70 | 5",
        });

        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Les poids de la grille totalisent 70 % au lieu de 100 %.", page, StringComparison.Ordinal);
        Assert.Contains("ANCRAGE | Ancrage territorial | 70 | 5", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sets_a_calls_agreement_terms_and_reminder_policy_from_the_page()
    {
        var funder = await app.AddFunder();
        var admin = await app.ClientFor(Roles.Administrator, null);
        var id = await CallBuilder.Call(admin, CallBuilder.Details([(funder.Id.Value, 1_000m)]));
        var browser = new CookieBrowser(app);
        await browser.Login(await app.AddUser(Roles.Administrator), PtceApp.Password);
        var path = $"/Admin/Calls/FollowUp?id={id}";
        var form = await browser.Get(path);
        Assert.Contains("value=\"-30, -7, 0, 15\"", form, StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.ExpectedVersion\" value=\"(\\d+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Input.ExpectedVersion"] = version,
            ["Input.AnniversaryYears"] = "true",
            ["Input.AdvancePercentage"] = "40",
            ["Input.ReportDueAfterMonths"] = "4",
            ["Input.Offsets"] = "-15, sept",
            ["Input.EscalationOffset"] = "10",
            ["Input.ReviewDueAfterDays"] = "14",
        };

        var refused = await (await browser.Post(path, fields)).Content.ReadAsStringAsync();
        fields["Input.Offsets"] = "-15, 0, 10";
        var saved = await browser.Post(path, fields);

        Assert.Contains("Les relances sont des nombres de jours séparés par des virgules", System.Net.WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        Assert.Contains("sont enregistrées", System.Net.WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var call = await app.Db(db => db.Calls.SingleAsync(c => c.Id == new CallId(id)));
        Assert.Equal(new CallAgreementTerms(true, 40m, 4), call.AgreementTerms);
        Assert.Equal([-15, 0, 10], call.ReminderPolicy.Offsets);
        Assert.Equal(10, call.ReminderPolicy.EscalationOffset);
        Assert.Equal(14, call.ReminderPolicy.ReviewDueAfterDays);
    }
}
