using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Agreements;

/// <summary>A program officer amends then terminates an agreement from the pages, without script.</summary>
public sealed class AgreementAmendmentPagesTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task An_officer_walks_through_the_amendment_wizard_previews_the_schedule_confirms_then_terminates()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 90_000m, region: 30_000m);
        var email = await app.AddUser(Roles.ProgramOfficer, agreement.Committee.Consortium.State);
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        var path = $"/Conventions/Avenant?id={agreement.Id}";

        Assert.Contains("data-testid=\"etape-1\"", await browser.Get(path), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"etape-2\"", await browser.Get(path + "&Form.Kind=ChangeAmount"), StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Form.Kind"] = "ChangeAmount",
            ["Form.ExpectedVersion"] = (await agreement.VersionOf()).ToString(CultureInfo.InvariantCulture),
            ["Form.EffectiveOn"] = "2027-03-01",
            ["Form.Reason"] = "Abondement de l'État",
            ["Form.Total"] = "100 000,00",
            ["Form.Shape"] = "Flat",
        };
        var preview = await (await browser.Post(path + "&handler=Preview", fields)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"apercu\"", preview, StringComparison.Ordinal);
        Assert.Contains("Nouvelle", preview, StringComparison.Ordinal);
        Assert.Single(await app.Db(db => db.Agreements.AsNoTracking().Where(a => a.Id == new AgreementId(agreement.Id)).Select(a => a.Versions).SingleAsync()));

        var confirmed = await (await browser.Post(path + "&handler=Confirm", fields)).Content.ReadAsStringAsync();

        Assert.Contains("L&#x27;avenant n° 1 est enregistré", confirmed, StringComparison.Ordinal);
        var amended = await app.Db(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == new AgreementId(agreement.Id)));
        Assert.Equal(100_000m, amended.Funders.Single(f => f.FunderId == agreement.State).Total);

        var termination = $"/Conventions/Resiliation?id={agreement.Id}";
        Assert.Contains("data-testid=\"resiliation\"", await browser.Get(termination), StringComparison.Ordinal);
        var terminated = await (await browser.Post(termination, new Dictionary<string, string>
        {
            ["ExpectedVersion"] = (await agreement.VersionOf()).ToString(CultureInfo.InvariantCulture),
            ["EffectiveOn"] = "2026-12-31",
            ["Reason"] = "Dissolution du consortium",
        })).Content.ReadAsStringAsync();

        Assert.Contains("La convention est résiliée", terminated, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.TerminatedEarly, await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(agreement.Id)).Select(a => a.Status).SingleAsync()));
    }
}
