using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Reporting;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Documents;

namespace PtceFunding.IntegrationTests.Reporting;

/// <summary>
/// The reports of an <see cref="AgreementSetup"/> agreement (two calendar years from 1 January 2027, indicator
/// « emplois »: baseline 4, targets 5 then 6): year 1 opens on 1 January 2028 and is due on 30 June 2028.
/// </summary>
internal sealed class Reports(PtceApp app, AgreementSetup agreement)
{
    public static readonly DateTimeOffset Year1Filing = new(2028, 1, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Year1Due = new(2028, 6, 30);

    /// <summary>A client of the lead member's verified user, signed in on the clock's current time.</summary>
    public Task<HttpClient> Lead() => app.ClientFor(agreement.Committee.LeadEmail);

    public Task<Report> Of(ReportKind kind, int? year) =>
        app.Db(db => db.Reports.AsNoTracking().SingleAsync(r => r.AgreementId == new AgreementId(agreement.Id) && r.Kind == kind && r.YearNumber == year));

    public static async Task<JsonElement> Read(HttpClient client, Guid reportId) => await client.GetFromJsonAsync<JsonElement>($"/api/reports/{reportId}");

    public static Task<HttpResponseMessage> FillIndicators(HttpClient client, Report report, decimal emplois, int? expectedVersion = null) =>
        client.PutAsJsonAsync($"/api/reports/{report.Id}/indicators", new { values = new[] { new { code = "emplois", value = emplois } }, expectedVersion = expectedVersion ?? report.Version });

    public static Task<HttpResponseMessage> Attach(HttpClient client, Report report, string type) =>
        client.PostAsync($"/api/reports/{report.Id}/attachments", Form(type));

    public async Task<HttpResponseMessage> Submit(HttpClient client, ReportKind kind, int? year) =>
        await client.PostAsJsonAsync($"/api/reports/{(await Of(kind, year)).Id}/submit", new { expectedVersion = (await Of(kind, year)).Version });

    public async Task<HttpResponseMessage> Approve(HttpClient officer, ReportKind kind, int? year)
    {
        var report = await Of(kind, year);
        return await officer.PostAsJsonAsync($"/api/reports/{report.Id}/approve", new { expectedVersion = report.Version });
    }

    public async Task<HttpResponseMessage> Return(HttpClient officer, ReportKind kind, int? year, string comments, DateOnly newDueOn)
    {
        var report = await Of(kind, year);
        return await officer.PostAsJsonAsync($"/api/reports/{report.Id}/return", new { comments, newDueOn, expectedVersion = report.Version });
    }

    /// <summary>The lead member files both reports of <paramref name="year"/> completely (jobs: <paramref name="emplois"/>) and submits them.</summary>
    public async Task FileYear(int year, decimal emplois = 7m)
    {
        var lead = await Lead();
        (await FillIndicators(lead, await Of(ReportKind.Activity, year), emplois)).EnsureSuccessStatusCode();
        (await Submit(lead, ReportKind.Activity, year)).EnsureSuccessStatusCode();
        (await Attach(lead, await Of(ReportKind.Financial, year), Report.ApprovedAccounts)).EnsureSuccessStatusCode();
        (await Submit(lead, ReportKind.Financial, year)).EnsureSuccessStatusCode();
    }

    public static MultipartFormDataContent Form(string type, string fileName = "comptes-2027.pdf")
    {
        var form = Uploads.Form(Uploads.Pdf(), fileName);
        form.Add(new StringContent(type), "type");
        return form;
    }
}
