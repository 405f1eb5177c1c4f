using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Finance;

/// <summary>
/// The finance views on known data: two agreements of one call starting 1 January 2027 over two calendar years, flat
/// (State 90 000 € and 50 000,02 €, Region 30 000 € on the first), the first advance of the first one paid in January 2027.
/// </summary>
public sealed class FinanceViewTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    private static readonly DateTimeOffset PaidAt = new(2027, 1, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Committed_paid_and_remaining_per_funder_and_budget_year_are_exact_to_the_cent()
    {
        var (first, _) = await TwoAgreements();
        var stateFinance = await first.Finance(first.State);

        var view = await stateFinance.GetFromJsonAsync<JsonElement>("/api/finance/by-funder-year");
        var region = await (await first.Finance(first.Region)).GetFromJsonAsync<JsonElement>("/api/finance/by-funder-year");

        Assert.Equal(
            [(2027, 70_000.01m, 22_500m, 47_500.01m), (2028, 70_000.01m, 0m, 70_000.01m)],
            view.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("year").GetInt32(), Amount(r, "committed"), Amount(r, "paid"), Amount(r, "remaining"))));
        Assert.All(view.GetProperty("rows").EnumerateArray(), r => Assert.Equal(first.State.Value, r.GetProperty("funderId").GetGuid()));
        var funder = Assert.Single(view.GetProperty("funders").EnumerateArray());
        Assert.Equal((2, 140_000.02m, 22_500m, 117_500.02m), (funder.GetProperty("agreements").GetInt32(), Amount(funder, "committed"), Amount(funder, "paid"), Amount(funder, "remaining")));
        Assert.Equal(
            [(2027, 15_000m, 0m), (2028, 15_000m, 0m)],
            region.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("year").GetInt32(), Amount(r, "committed"), Amount(r, "paid"))));
    }

    [Fact]
    public async Task Platform_administrators_see_every_funder_and_narrow_to_one_while_finance_staff_of_another_funder_see_none_of_it()
    {
        var (first, second) = await TwoAgreements();
        var admin = await app.ClientFor(Roles.Administrator, null);
        var otherFinance = await app.ClientFor(Roles.FinanceOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, "84"));
        var stateFinance = await first.Finance(first.State);

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/finance/by-funder-year");
        var narrowed = await admin.GetFromJsonAsync<JsonElement>($"/api/finance/by-funder-year?funderId={first.State.Value}");
        var stateAskingForRegion = await stateFinance.GetFromJsonAsync<JsonElement>($"/api/finance/agreements?funderId={first.Region.Value}");

        var funderIds = all.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("funderId").GetGuid()).ToHashSet();
        Assert.Contains(first.State.Value, funderIds);
        Assert.Contains(first.Region.Value, funderIds);
        Assert.Equal([first.State.Value], narrowed.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("funderId").GetGuid()).Distinct());
        Assert.Equal(140_000.02m, Amount(narrowed.GetProperty("totals"), "committed"));
        Assert.Equal(0, stateAskingForRegion.GetArrayLength());
        foreach (var view in new[] { "by-funder-year", "by-call", "by-region" })
        {
            var seen = await otherFinance.GetFromJsonAsync<JsonElement>($"/api/finance/{view}");
            Assert.Equal(0, seen.GetProperty("rows").GetArrayLength());
            Assert.Equal(0m, Amount(seen.GetProperty("totals"), "committed"));
        }

        var agreements = await otherFinance.GetFromJsonAsync<JsonElement>("/api/finance/agreements");
        Assert.DoesNotContain(agreements.EnumerateArray(), a => a.GetProperty("agreementId").GetGuid() == first.Id || a.GetProperty("agreementId").GetGuid() == second.Id);
        var forecast = await otherFinance.GetFromJsonAsync<JsonElement>("/api/finance/forecast");
        Assert.Equal(0m, Amount(forecast, "total"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await first.Committee.Officer()).GetAsync("/api/finance/by-call")).StatusCode);
    }

    [Fact]
    public async Task Per_call_per_region_and_per_agreement_views_add_up_each_funders_shares()
    {
        var (first, second) = await TwoAgreements();
        var stateFinance = await first.Finance(first.State);

        var byCall = await stateFinance.GetFromJsonAsync<JsonElement>("/api/finance/by-call");
        var byRegion = await stateFinance.GetFromJsonAsync<JsonElement>("/api/finance/by-region");
        var agreements = await stateFinance.GetFromJsonAsync<JsonElement>("/api/finance/agreements");

        var call = Assert.Single(byCall.GetProperty("rows").EnumerateArray());
        Assert.Equal(first.Committee.CallId.Value, call.GetProperty("callId").GetGuid());
        Assert.Equal((2, 140_000.02m, 22_500m, 117_500.02m), (call.GetProperty("agreements").GetInt32(), Amount(call, "committed"), Amount(call, "paid"), Amount(call, "remaining")));
        var region = Assert.Single(byRegion.GetProperty("rows").EnumerateArray());
        Assert.Equal(("84", "Auvergne-Rhône-Alpes"), (region.GetProperty("regionCode").GetString(), region.GetProperty("regionName").GetString()));
        Assert.Equal((2, 140_000.02m, 22_500m, 117_500.02m), (region.GetProperty("agreements").GetInt32(), Amount(region, "committed"), Amount(region, "paid"), Amount(region, "remaining")));

        Assert.Equal(2, agreements.GetArrayLength());
        var paid = agreements.EnumerateArray().Single(a => a.GetProperty("agreementId").GetGuid() == first.Id);
        Assert.Equal((90_000m, 22_500m, 67_500m, "2103456789"), (Amount(paid, "total"), Amount(paid, "paid"), Amount(paid, "remaining"), paid.GetProperty("legalCommitment").GetString()));
        var next = paid.GetProperty("nextInstallment");
        Assert.Equal(("2028-01-01", 1, "Balance", 22_500m, "Prévue"), (next.GetProperty("dueFrom").GetString(), next.GetProperty("year").GetInt32(), next.GetProperty("kind").GetString(), Amount(next, "remaining"), next.GetProperty("statusLabel").GetString()));
        var unpaid = agreements.EnumerateArray().Single(a => a.GetProperty("agreementId").GetGuid() == second.Id);
        Assert.Equal((50_000.02m, 0m, 50_000.02m, JsonValueKind.Null), (Amount(unpaid, "total"), Amount(unpaid, "paid"), Amount(unpaid, "remaining"), unpaid.GetProperty("legalCommitment").ValueKind));
        Assert.Equal(("2026-12-01", "Advance", "À payer"), (unpaid.GetProperty("nextInstallment").GetProperty("dueFrom").GetString(), unpaid.GetProperty("nextInstallment").GetProperty("kind").GetString(), unpaid.GetProperty("nextInstallment").GetProperty("statusLabel").GetString()));
    }

    [Fact]
    public async Task The_forecast_has_24_months_puts_each_unpaid_installment_in_its_month_flags_blocked_balances_and_brings_overdue_ones_to_the_first_month()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 60_000m, region: 0m);
        var finance = await agreement.Finance(agreement.State);

        var atSignature = await finance.GetFromJsonAsync<JsonElement>("/api/finance/forecast");

        Assert.Equal("2026-12-01", atSignature.GetProperty("from").GetString());
        var months = atSignature.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(24, months.Count);
        Assert.Equal("2028-11-01", months[^1].GetProperty("month").GetString());
        Assert.Equal((15_000m, 0m), (Amount(months[0], "due"), Amount(months[0], "blocked")));
        // January 2028: the second year's advance (due) and the first year's balance (waiting for its reports).
        Assert.Equal(("2028-01-01", 15_000m, 15_000m, 30_000m, 2), (months[13].GetProperty("month").GetString(), Amount(months[13], "due"), Amount(months[13], "blocked"), Amount(months[13], "total"), months[13].GetProperty("installments").GetInt32()));
        Assert.All(months.Where((_, i) => i is not 0 and not 13), m => Assert.Equal(0m, Amount(m, "total")));
        Assert.Equal(45_000m, Amount(atSignature, "total")); // the last balance (January 2029) is beyond the 24 months

        var advance = await agreement.Installment(agreement.State, 1, InstallmentKind.Advance);
        await agreement.Order(finance, advance);
        (await AgreementSetup.Pay(finance, advance, "forecast-1", advance.Amount)).EnsureSuccessStatusCode();
        app.Clock.Now = new DateTimeOffset(2028, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var later = await (await agreement.Finance(agreement.State)).GetFromJsonAsync<JsonElement>("/api/finance/forecast");

        var laterMonths = later.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(24, laterMonths.Count);
        Assert.Equal("2028-03-01", laterMonths[0].GetProperty("month").GetString());
        Assert.Equal((15_000m, 15_000m, 2), (Amount(laterMonths[0], "due"), Amount(laterMonths[0], "blocked"), laterMonths[0].GetProperty("installments").GetInt32()));
        Assert.Equal(("2029-01-01", 0m, 15_000m), (laterMonths[10].GetProperty("month").GetString(), Amount(laterMonths[10], "due"), Amount(laterMonths[10], "blocked")));
        Assert.Equal(45_000m, Amount(later, "total")); // the paid advance is no longer expected
    }

    [Fact]
    public async Task Csv_exports_are_utf8_with_bom_semicolon_separated_with_french_headers_decimal_commas_and_one_record_per_line()
    {
        var (first, second) = await TwoAgreements();
        var finance = await first.Finance(first.State);
        var funderName = await app.Db(db => db.Funders.Where(f => f.Id == first.State).Select(f => f.Name).SingleAsync());

        var response = await finance.GetAsync("/api/finance/by-funder-year.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            ["Financeur;Année budgétaire;Engagé (€);Versé (€);Reste à verser (€)", $"{funderName};2027;70000,01;22500,00;47500,01", $"{funderName};2028;70000,01;0,00;70000,01", ""],
            Encoding.UTF8.GetString(bytes[3..]).Split("\r\n"));

        var byCall = await Lines(finance, "/api/finance/by-call.csv");
        Assert.Equal(["Appel;Conventions;Engagé (€);Versé (€);Reste à verser (€)", "AMI permanent PTCE;2;140000,02;22500,00;117500,02"], byCall);
        var byRegion = await Lines(finance, "/api/finance/by-region.csv");
        Assert.Equal(["Code région;Région;Conventions;Engagé (€);Versé (€);Reste à verser (€)", "84;Auvergne-Rhône-Alpes;2;140000,02;22500,00;117500,02"], byRegion);
        var agreements = await Lines(finance, "/api/finance/agreements.csv");
        Assert.Equal(3, agreements.Count);
        Assert.StartsWith("Identifiant convention;Convention;Statut;Chef de file;Financeur;", agreements[0], StringComparison.Ordinal);
        Assert.Contains(agreements, l => l.StartsWith($"{first.Id};Pôle coopératif du Rhône;", StringComparison.Ordinal)
            && l.EndsWith($";{funderName};90000,00;22500,00;67500,00;2028-01-01;Solde année 1;22500,00;Prévue;2103456789", StringComparison.Ordinal));
        Assert.Contains(agreements, l => l.StartsWith($"{second.Id};", StringComparison.Ordinal) && l.EndsWith(';'));
        var forecast = await Lines(finance, "/api/finance/forecast.csv");
        Assert.Equal(25, forecast.Count);
        Assert.Equal("Mois;À verser (€);Sous condition ou bloqué (€);Total (€);Échéances", forecast[0]);
        Assert.All(forecast.Skip(1), l => Assert.Equal(5, l.Split(';').Length));
        Assert.StartsWith("2027-01;", forecast[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_shows_totals_a_chart_captioned_tables_the_exports_and_links_to_each_agreement_without_inline_style_or_script()
    {
        var (first, second) = await TwoAgreements();
        var email = await app.AddUser(Roles.FinanceOfficer, await app.Db(db => db.Funders.SingleAsync(f => f.Id == first.State)));
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);

        var html = await browser.Get("/Finances");
        var page = WebUtility.HtmlDecode(html);

        Assert.Contains("href=\"/Finances\" aria-current=\"page\">Finances</a>", html, StringComparison.Ordinal);
        Assert.Contains(Money.Format(140_000.02m), page, StringComparison.Ordinal);
        Assert.Contains(Money.Format(117_500.02m), page, StringComparison.Ordinal);
        Assert.Contains("2027 : engagé " + Money.Format(70_000.01m) + ", versé " + Money.Format(22_500m), page, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"graphique-titre graphique-description\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Finances/Convention?id={first.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Finances/Convention?id={second.Id}\"", html, StringComparison.Ordinal);
        foreach (var export in new[] { "by-funder-year", "by-call", "by-region", "forecast", "agreements" })
        {
            Assert.Contains($"href=\"/api/finance/{export}.csv\"", html, StringComparison.Ordinal);
        }

        foreach (var table in new[] { "par-financeur-annee", "par-appel", "par-region", "previsions", "conventions" })
        {
            var markup = Regex.Match(html, $"<table data-testid=\"{table}\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains("<caption id=", markup, StringComparison.Ordinal);
            Assert.Contains("<th scope=\"col\">", markup, StringComparison.Ordinal);
            Assert.Contains("<th scope=\"row\">", markup, StringComparison.Ordinal);
        }

        Assert.Equal(25, Regex.Count(Regex.Match(html, "<table data-testid=\"previsions\">(.*?)</table>", RegexOptions.Singleline).Value, "<tr><th scope=\"row\">"));
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        Assert.DoesNotContain("filtre-financeur", html, StringComparison.Ordinal);

        var admin = new CookieBrowser(app);
        await admin.Login(await app.AddUser(Roles.Administrator), PtceApp.Password);
        var narrowed = await admin.Get($"/Finances?FunderId={first.State.Value}");
        Assert.Contains("id=\"filtre-financeur\"", narrowed, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/finance/by-call.csv?funderId={first.State.Value}\"", narrowed, StringComparison.Ordinal);
        Assert.Contains(Money.Format(140_000.02m), WebUtility.HtmlDecode(narrowed), StringComparison.Ordinal);
    }

    /// <summary>Reads a CSV export: checks the byte order mark and the final line break, returns the lines.</summary>
    private static async Task<List<string>> Lines(HttpClient client, string path)
    {
        var bytes = await client.GetByteArrayAsync(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return [.. text[..^2].Split("\r\n")];
    }

    /// <summary>The two agreements of the class's known data, with the first one's year-1 State advance paid on 15 January 2027 (the clock then).</summary>
    internal async Task<(AgreementSetup First, AgreementSetup Second)> TwoAgreements()
    {
        var agreements = await AgreementSetup.SignedInOneCall(app, (90_000m, 30_000m), (50_000.02m, 0m));
        var (first, second) = (agreements[0], agreements[1]);
        app.Clock.Now = PaidAt;
        var finance = await first.Finance(first.State);
        var advance = await first.Installment(first.State, 1, InstallmentKind.Advance);
        Assert.Equal(22_500m, advance.Amount);
        await first.Order(finance, advance);
        (await AgreementSetup.Pay(finance, advance, "finance-view-1", advance.Amount, DateOnly.FromDateTime(PaidAt.UtcDateTime))).EnsureSuccessStatusCode();
        return (first, second);
    }

    private static decimal Amount(JsonElement element, string property) => element.GetProperty(property).GetDecimal();
}
