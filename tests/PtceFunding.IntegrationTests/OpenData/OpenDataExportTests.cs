using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Applications;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.OpenData;

/// <summary>
/// The open data of the signed agreements: SCDL Subventions CSV and 360Giving JSON, everything for administrators,
/// the grants above €23,000 for anyone. Each test's funders are its own: rows are picked by their SIRETs.
/// </summary>
public sealed partial class OpenDataExportTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    private const string ScdlHeader =
        "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide";

    [Fact]
    public async Task The_full_scdl_export_has_the_schema_columns_and_one_row_per_funder_and_member_share_of_signed_agreements_only()
    {
        var (setup, stateSiret, regionSiret) = await Start(regionHasSiret: true);
        var ids = await setup.DraftedAll((90_000m, 30_000m), (50_000m, 10_000m));
        await setup.Signed(ids[0]);
        var admin = await app.ClientFor(Roles.Administrator, null);

        var response = await admin.GetAsync("/api/open-data/subventions.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("subventions-ptce-complet-2026-12-01.csv", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var (header, records) = ParseCsv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(ScdlHeader, string.Join(',', header));
        var rows = records.Where(r => r[1] == stateSiret || r[1] == regionSiret).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();

        // The draft (second agreement) is absent: two funders × two members (60 % / 40 %) of the signed one.
        Assert.Equal(4, rows.Count);
        var reference = await ReferenceOf(ids[0]);
        Assert.All(rows, row =>
        {
            Assert.Matches(IdAttribuant(), row["idAttribuant"]);
            Assert.Matches(IsoDate(), row["dateConvention"]);
            Assert.Equal("2026-12-01", row["dateConvention"]);
            Assert.StartsWith(reference + "/D-", row["referenceDecision"], StringComparison.Ordinal);
            Assert.Matches(Amount(), row["montant"]);
            Assert.Equal("Pôle coopératif du Rhône", row["objet"]);
            Assert.Equal("aide en numéraire", row["nature"]);
            Assert.Equal("échelonné", row["conditionsVersement"]);
            Assert.Equal("2027-01-01/2028-12-31", row["datesPeriodeVersement"]);
            Assert.Equal("", row["idRAE"]);
            Assert.Equal("non", row["notificationUE"]);
            var share = decimal.Parse(row["pourcentageSubvention"], CultureInfo.InvariantCulture);
            Assert.InRange(share, 0.01m, 1m);
            Assert.True(row["idBeneficiaire"].Length == 14 || row["rnaBeneficiaire"].StartsWith('W'), "a beneficiary is identified by its SIRET or its RNA number");
        });
        var byFunder = rows.GroupBy(r => r["idAttribuant"]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["90000.00", "90000.00"], byFunder[stateSiret].Select(r => r["montant"]));
        Assert.Equal(["30000.00", "30000.00"], byFunder[regionSiret!].Select(r => r["montant"]));
        Assert.All(byFunder.Values, funderRows =>
        {
            Assert.Equal(1m, funderRows.Sum(r => decimal.Parse(r["pourcentageSubvention"], CultureInfo.InvariantCulture)));
            Assert.Equal(["SCIC Lyon Comité", "Association Partenaire Comité"], funderRows.Select(r => r["nomBeneficiaire"]));
            Assert.Equal(["0.60", "0.40"], funderRows.Select(r => r["pourcentageSubvention"]));
        });
        Assert.Equal(setup.Committee.Consortium.State.Name, byFunder[stateSiret][0]["nomAttribuant"]);
    }

    [Fact]
    public async Task Anyone_downloads_the_grants_above_23000_euros_and_only_them_while_the_full_exports_need_an_administrator()
    {
        var (setup, stateSiret, _) = await Start(regionHasSiret: true);
        var ids = await setup.DraftedAll((23_000m, 0m), (23_000.01m, 0m));
        await setup.Signed(ids[0]);
        await setup.Signed(ids[1]);
        var (atThreshold, above) = (await ReferenceOf(ids[0]), await ReferenceOf(ids[1]));
        var anonymous = app.CreateClient();

        var publicCsv = await anonymous.GetAsync("/open-data/subventions.csv");
        var publicJson = await anonymous.GetAsync("/open-data/360giving.json");
        var fullCsv = await anonymous.GetAsync("/api/open-data/subventions.csv");
        var fullJson = await anonymous.GetAsync("/api/open-data/360giving.json");
        var applicantCsv = await (await app.ClientFor(Roles.Applicant, null)).GetAsync("/api/open-data/subventions.csv");
        var adminCsv = await (await app.ClientFor(Roles.Administrator, null)).GetAsync("/api/open-data/subventions.csv");

        Assert.Equal(HttpStatusCode.OK, publicCsv.StatusCode);
        Assert.Equal("subventions-ptce-2026-12-01.csv", publicCsv.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var publicRows = ParseCsv(await publicCsv.Content.ReadAsStringAsync()).Records.Where(r => r[1] == stateSiret).ToList();
        Assert.NotEmpty(publicRows);
        Assert.All(publicRows, r => Assert.StartsWith(above + "/", r[3], StringComparison.Ordinal));
        Assert.All(publicRows, r => Assert.Equal("23000.01", r[8]));
        Assert.False(publicCsv.Headers.Contains("X-Grants-Without-Funder-Siret"));

        Assert.Equal(HttpStatusCode.OK, publicJson.StatusCode);
        Assert.Equal("360giving-ptce-2026-12-01.json", publicJson.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var grants = (await publicJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("id").GetString()!).ToList();
        Assert.Contains(grants, id => id.Contains(ids[1].ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(grants, id => id.Contains(ids[0].ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, fullCsv.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, fullJson.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, applicantCsv.StatusCode);
        var fullRows = ParseCsv(await adminCsv.Content.ReadAsStringAsync()).Records.Where(r => r[1] == stateSiret).ToList();
        Assert.Contains(fullRows, r => r[3].StartsWith(atThreshold + "/", StringComparison.Ordinal) && r[8] == "23000.00");
        Assert.Contains(fullRows, r => r[3].StartsWith(above + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_360giving_export_has_the_required_fields_and_leaves_out_and_counts_the_grants_of_a_funder_without_siret()
    {
        var (setup, stateSiret, _) = await Start(regionHasSiret: false);
        var id = (await setup.DraftedAll((90_000m, 30_000m)))[0];
        await setup.Signed(id);
        var admin = await app.ClientFor(Roles.Administrator, null);

        var response = await admin.GetAsync("/api/open-data/360giving.json");
        var csv = await admin.GetAsync("/api/open-data/subventions.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.True(int.Parse(response.Headers.GetValues("X-Grants-Without-Funder-Siret").Single(), CultureInfo.InvariantCulture) >= 1);
        var package = await response.Content.ReadFromJsonAsync<JsonElement>();
        var grant = Assert.Single(package.GetProperty("grants").EnumerateArray(), g => g.GetProperty("id").GetString()!.Contains(id.ToString(), StringComparison.Ordinal));
        foreach (var field in new[] { "id", "title", "description", "currency", "amountAwarded", "awardDate", "recipientOrganization", "fundingOrganization", "plannedDates" })
        {
            Assert.True(grant.TryGetProperty(field, out _), $"360Giving requires {field}");
        }

        Assert.StartsWith("360G-", grant.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("Pôle coopératif du Rhône", grant.GetProperty("title").GetString());
        Assert.Equal("EUR", grant.GetProperty("currency").GetString());
        Assert.Equal(90_000m, grant.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal("2026-12-01", grant.GetProperty("awardDate").GetString());
        var funder = Assert.Single(grant.GetProperty("fundingOrganization").EnumerateArray());
        Assert.Equal($"FR-SIRET-{stateSiret}", funder.GetProperty("id").GetString());
        Assert.Equal(setup.Committee.Consortium.State.Name, funder.GetProperty("name").GetString());
        var recipient = Assert.Single(grant.GetProperty("recipientOrganization").EnumerateArray());
        Assert.Matches(@"^FR-(SIRET-\d{14}|RNA-W\d{9})$", recipient.GetProperty("id").GetString());
        Assert.Equal("SCIC Lyon Comité", recipient.GetProperty("name").GetString());
        var planned = Assert.Single(grant.GetProperty("plannedDates").EnumerateArray());
        Assert.Equal(("2027-01-01", "2028-12-31", 24), (planned.GetProperty("startDate").GetString(), planned.GetProperty("endDate").GetString(), planned.GetProperty("duration").GetInt32()));
        var regionName = setup.Committee.Consortium.Region.Name;
        Assert.DoesNotContain(regionName, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_administrator_records_a_funders_siret_and_a_wrong_key_is_refused()
    {
        var funder = await app.AddFunder(FunderKind.Region, "84");
        var admin = await app.ClientFor(Roles.Administrator, null);
        var siret = Consortium.NewSiret();
        var wrongKey = siret[..13] + ((siret[13] - '0' + 1) % 10);

        var refused = await admin.PutAsJsonAsync($"/api/funders/{funder.Id}/siret", new { siret = wrongKey, expectedVersion = 0 });
        var recorded = await admin.PutAsJsonAsync($"/api/funders/{funder.Id}/siret", new { siret, expectedVersion = 0 });
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/funders");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(siret, listed.EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == funder.Id.Value).GetProperty("siret").GetString());
    }

    [Fact]
    public async Task The_public_page_explains_the_data_and_links_both_downloads()
    {
        var page = await app.CreateClient().GetStringAsync("/DonneesOuvertes");

        Assert.Contains("décret n° 2017-779", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/open-data/subventions.csv\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/open-data/360giving.json\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/open-data/", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_also_see_the_full_exports_and_the_funders_whose_grants_are_left_out_for_want_of_a_siret()
    {
        var withoutSiret = await app.AddFunder(FunderKind.Region, "84", $"Région sans SIRET {Guid.NewGuid():N}");
        var browser = new CookieBrowser(app);
        await browser.Login(await app.AddUser(Roles.Administrator), PtceApp.Password);

        var page = await browser.Get("/DonneesOuvertes");

        Assert.Contains("href=\"/api/open-data/subventions.csv\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/open-data/360giving.json\"", page, StringComparison.Ordinal);
        Assert.Contains(withoutSiret.Name, page, StringComparison.Ordinal);
    }

    /// <summary>A committee setup whose State funder (and the Region when asked) has a SIRET of its own.</summary>
    private async Task<(AgreementSetup Setup, string StateSiret, string? RegionSiret)> Start(bool regionHasSiret)
    {
        var setup = await AgreementSetup.Start(app);
        var stateSiret = Consortium.NewSiret();
        var regionSiret = regionHasSiret ? Consortium.NewSiret() : null;
        await app.Db(async db =>
        {
            var state = await db.Funders.SingleAsync(f => f.Id == setup.Committee.Consortium.State.Id);
            Assert.True(state.SetSiret(stateSiret).IsSuccess);
            var region = await db.Funders.SingleAsync(f => f.Id == setup.Committee.Consortium.Region.Id);
            Assert.True(region.SetSiret(regionSiret).IsSuccess);
            return await db.SaveChangesAsync();
        });
        return (setup, stateSiret, regionSiret);
    }

    private Task<string> ReferenceOf(Guid agreementId) =>
        app.Db(async db =>
        {
            var applicationId = await db.Agreements.Where(a => a.Id == new Domain.Agreements.AgreementId(agreementId)).Select(a => a.ApplicationId).SingleAsync();
            return (await db.Applications.Where(a => a.Id == applicationId).Select(a => a.Reference).SingleAsync())!;
        });

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF.</summary>
    private static (List<string> Header, List<List<string>> Records) ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(record);
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        return (records[0], records.Skip(1).ToList());
    }

    [GeneratedRegex(@"^\d{14}$")]
    private static partial Regex IdAttribuant();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d+\.\d{2}$")]
    private static partial Regex Amount();
}
