using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Committee;

/// <summary>A committee member works from the pages: sessions, conflict declaration, ranking and envelopes, a decision; the consortium then reads it.</summary>
public sealed class CommitteePagesTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task A_member_declares_sees_the_ranking_and_records_a_decision_that_the_consortium_reads_once_the_session_is_closed()
    {
        var setup = await new CommitteeSetup(app).Start();
        var (recusedFrom, decided) = (await setup.Eligible(700_000m, 0m), await setup.Eligible(400_000m, 50_000m));
        var email = await app.AddUser(Roles.CommitteeMember, setup.Consortium.State);
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);

        Assert.Contains("Session 1", await browser.Get("/Comite"), StringComparison.Ordinal);
        var path = $"/Comite/Session?id={setup.FirstSession}";
        var planned = await browser.Get(path);
        Assert.Contains("data-testid=\"envelope-warning\"", planned, StringComparison.Ordinal);
        Assert.Contains("Déclaration de conflits d'intérêts", planned, StringComparison.Ordinal);

        var declared = await browser.Post(path + "&handler=Conflicts", new Dictionary<string, string>
        {
            ["items"] = recusedFrom.ToString(),
            ["conflicts"] = recusedFrom.ToString(),
        });
        Assert.Contains("vous êtes récusé(e) pour 1 dossier(s)", await declared.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await setup.Open(setup.FirstSession);
        var open = await browser.Get(path);
        Assert.Contains("Vous êtes récusé(e) pour ce dossier.", open, StringComparison.Ordinal);
        var recorded = await browser.Post(path + "&handler=Decide", new Dictionary<string, string>
        {
            ["Decision.ApplicationId"] = decided.ToString(),
            ["Decision.ExpectedVersion"] = (await setup.VersionOf(decided)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Decision.Outcome"] = "Accepted",
            ["Decision.Amounts[0].FunderId"] = setup.Consortium.State.Id.Value.ToString(),
            ["Decision.Amounts[0].Amount"] = "380 000,00",
            ["Decision.Amounts[1].FunderId"] = setup.Consortium.Region.Id.Value.ToString(),
            ["Decision.Amounts[1].Amount"] = "50000",
            ["Decision.DurationYears"] = "3",
            ["Decision.Conditions"] = "Charte de gouvernance signée",
            ["Decision.Rationale"] = "Unanimité des membres présents",
        });
        var page = await recorded.Content.ReadAsStringAsync();
        Assert.Contains("Décision enregistrée : retenu.", page, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Accepted, await app.Db(db => db.Applications.Where(a => a.Id == new FundingApplicationId(decided)).Select(a => a.Status).SingleAsync()));

        var leadBrowser = new CookieBrowser(app);
        await leadBrowser.Login(setup.LeadEmail, PtceApp.Password);
        Assert.DoesNotContain("data-testid=\"decision\"", await leadBrowser.Get($"/Portail/Candidatures/Dossier?id={decided}"), StringComparison.Ordinal);
        await setup.Close(setup.FirstSession);
        var dossier = await leadBrowser.Get($"/Portail/Candidatures/Dossier?id={decided}");
        Assert.Contains("Candidature retenue", dossier, StringComparison.Ordinal);
        Assert.Contains("Charte de gouvernance signée", dossier, StringComparison.Ordinal);
        Assert.DoesNotContain("Unanimité des membres présents", dossier, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Closed, await app.Db(db => db.CommitteeSessions.Where(s => s.Id == new CommitteeSessionId(setup.FirstSession)).Select(s => s.Status).SingleAsync()));
    }
}
