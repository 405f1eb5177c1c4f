using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Agreements;

/// <summary>Finance staff work from the pages: the installments to act on, then an agreement's legal commitment, order and payment.</summary>
public sealed partial class FinancePagesTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task A_finance_officer_records_the_legal_commitment_orders_the_first_advance_and_pays_it_from_the_pages()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 80_000m, region: 0m);
        var title = await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(agreement.Id)).Select(a => a.Title).SingleAsync());
        var browser = await FinanceBrowser(agreement.State);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);

        var list = await browser.Get("/Finances/Echeances");
        Assert.Contains($"/Finances/Convention?id={agreement.Id}", list, StringComparison.Ordinal);
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.Contains("À payer", list, StringComparison.Ordinal);

        var path = $"/Finances/Convention?id={agreement.Id}";
        var refused = await Read(await browser.Post(path + "&handler=Order", Order(advance, "DP-2026-0042")));
        Assert.Contains("data-testid=\"error\"", refused, StringComparison.Ordinal);
        Assert.Contains("L'engagement juridique de votre financeur n'est pas encore enregistré", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);

        var readVersion = (await agreement.VersionOf()).ToString(CultureInfo.InvariantCulture);
        var committed = await Read(await browser.Post(path + "&handler=LegalCommitment", new Dictionary<string, string>
        {
            ["reference"] = "2103456789",
            ["expectedVersion"] = readVersion,
        }));
        Assert.Contains("Engagement juridique « 2103456789 » enregistré.", WebUtility.HtmlDecode(committed), StringComparison.Ordinal);
        var stale = await Read(await browser.Post(path + "&handler=LegalCommitment", new Dictionary<string, string>
        {
            ["reference"] = "2103456790",
            ["expectedVersion"] = readVersion,
        }));
        Assert.Contains("data-testid=\"error\"", stale, StringComparison.Ordinal);
        Assert.Contains("modifiées par quelqu'un d'autre depuis votre lecture", WebUtility.HtmlDecode(stale), StringComparison.Ordinal);
        Assert.Equal("2103456789", (await app.Db(db => db.Agreements.SingleAsync(a => a.Id == new AgreementId(agreement.Id)))).LegalCommitmentOf(agreement.State)!.Reference);

        var noBankDetails = await Read(await browser.Post(path + "&handler=Order", Order(advance, "DP-2026-0042")));
        Assert.Contains("Le chef de file n'a pas de coordonnées bancaires approuvées", WebUtility.HtmlDecode(noBankDetails), StringComparison.Ordinal);
        await agreement.ApproveBankDetails();

        var ordered = await Read(await browser.Post(path + "&handler=Order", Order(advance, "DP-2026-0042")));
        Assert.Contains("Avance de l'année 1 mise en paiement (demande « DP-2026-0042 »).", WebUtility.HtmlDecode(ordered), StringComparison.Ordinal);
        Assert.Equal(InstallmentState.Ordered, (await agreement.Installment(agreement.State, 1, InstallmentKind.Advance)).State);

        // The payment form, as shown: amount prefilled with what remains, and its idempotency key.
        var key = IdempotencyKey().Match(ordered).Groups[1].Value;
        Assert.True(Guid.TryParse(key, out _), "the payment form carries a key chosen when the page is shown");
        Assert.Contains($"value=\"{advance.Amount.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))}\"", ordered, StringComparison.Ordinal);
        var payment = new Dictionary<string, string>
        {
            ["installmentId"] = advance.Id.ToString(),
            ["idempotencyKey"] = key,
            ["amount"] = advance.Amount.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")),
            ["paidOn"] = "2026-12-01",
            ["bankReference"] = "VIR-2026-000123",
        };
        var paid = await Read(await browser.Post(path + "&handler=Payment", payment));
        Assert.Contains("enregistré sur l'avance de l'année 1 (payée)", WebUtility.HtmlDecode(paid), StringComparison.Ordinal);
        Assert.Contains("Payée", paid, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Finances/Convention?id={agreement.Id}", await browser.Get("/Finances/Echeances"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_form_sent_twice_records_one_payment()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 60_000m, region: 0m);
        var browser = await FinanceBrowser(agreement.State);
        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(await agreement.Finance(agreement.State), advance);
        var path = $"/Finances/Convention?id={agreement.Id}";
        var key = IdempotencyKey().Match(await browser.Get(path)).Groups[1].Value;
        var form = new Dictionary<string, string>
        {
            ["installmentId"] = advance.Id.ToString(),
            ["idempotencyKey"] = key,
            ["amount"] = "10 000,00",
            ["paidOn"] = "2026-12-01",
            ["bankReference"] = "VIR-2026-000124",
        };

        var invalid = await Read(await browser.Post(path + "&handler=Payment", new Dictionary<string, string>(form) { ["bankReference"] = "" }));
        Assert.Contains("Indiquez la référence bancaire du paiement.", WebUtility.HtmlDecode(invalid), StringComparison.Ordinal);

        var answers = await Task.WhenAll(browser.Post(path + "&handler=Payment", form), browser.Post(path + "&handler=Payment", form));

        var texts = await Task.WhenAll(answers.Select(Read));
        Assert.All(texts, t => Assert.DoesNotContain("data-testid=\"error\"", t, StringComparison.Ordinal));
        Assert.Contains(texts, t => WebUtility.HtmlDecode(t).Contains("était déjà enregistré : rien n'a été ajouté", StringComparison.Ordinal));
        var installment = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        Assert.Equal(10_000m, Assert.Single(installment.Payments).Amount);
        Assert.Equal(InstallmentState.Ordered, installment.State);
    }

    [Fact]
    public async Task Another_funders_finance_officer_is_told_the_agreement_does_not_exist_and_does_not_list_its_installments()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 50_000m, region: 0m);
        var other = await app.AddFunder(FunderKind.StateRegionalOffice, "84");
        var browser = new CookieBrowser(app);
        await browser.Login(await app.AddUser(Roles.FinanceOfficer, other), PtceApp.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetResponse($"/Finances/Convention?id={agreement.Id}")).StatusCode);
        Assert.DoesNotContain(agreement.Id.ToString(), await browser.Get("/Finances/Echeances"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetResponse($"/Finances/Convention?id={Guid.NewGuid()}")).StatusCode);
    }

    private async Task<CookieBrowser> FinanceBrowser(FunderId funder)
    {
        var browser = new CookieBrowser(app);
        await browser.Login(await app.AddUser(Roles.FinanceOfficer, await app.Db(db => db.Funders.SingleAsync(f => f.Id == funder))), PtceApp.Password);
        return browser;
    }

    private static Dictionary<string, string> Order(Installment installment, string reference) => new()
    {
        ["installmentId"] = installment.Id.ToString(),
        ["reference"] = reference,
        ["expectedVersion"] = installment.Version.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<string> Read(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"idempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();
}
