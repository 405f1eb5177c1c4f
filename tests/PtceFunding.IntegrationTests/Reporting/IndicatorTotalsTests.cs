using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Reporting;

/// <summary>The funders' totals of a call's indicators over its agreements, on known data.</summary>
public sealed class IndicatorTotalsTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    private static readonly DateTimeOffset Now = new(2029, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_calls_totals_add_up_each_agreements_latest_approved_year_and_its_targets()
    {
        var agreements = await AgreementSetup.SignedInOneCall(app, (50_000m, 0m), (40_000m, 0m), (30_000m, 0m), (20_000m, 0m));
        app.Clock.Now = Now;

        // A: year 1 approved (7 jobs, target 5). B: years 1 and 2 approved (3 then 9 jobs; targets 5 then 6): year 2 counts.
        // C: year 1 submitted but not approved (100 jobs): does not count. D: year 1 rejected (50 jobs): does not count.
        await Reported(agreements[0].Id, (1, 7m, ReportState.Approved));
        await Reported(agreements[1].Id, (1, 3m, ReportState.Approved), (2, 9m, ReportState.Approved));
        await Reported(agreements[2].Id, (1, 100m, ReportState.Submitted));
        await Reported(agreements[3].Id, (1, 50m, ReportState.Rejected));
        var callId = await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(agreements[0].Id)).Select(a => a.CallId).SingleAsync());
        var officer = await agreements[0].Committee.Officer();

        var totals = await officer.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}/indicators");

        var emplois = Assert.Single(totals.EnumerateArray());
        Assert.Equal(
            ("emplois", "Emplois créés ou maintenus", "ETP", 2, 16m, 11m),
            (emplois.GetProperty("code").GetString(), emplois.GetProperty("label").GetString(), emplois.GetProperty("unit").GetString(),
                emplois.GetProperty("agreements").GetInt32(), emplois.GetProperty("actual").GetDecimal(), emplois.GetProperty("target").GetDecimal()));
    }

    [Fact]
    public async Task The_consortium_does_not_read_the_calls_totals_and_an_officer_sees_only_the_agreements_they_see()
    {
        var agreements = await AgreementSetup.SignedInOneCall(app, (50_000m, 0m));
        app.Clock.Now = Now;
        await Reported(agreements[0].Id, (1, 7m, ReportState.Approved));
        var callId = await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(agreements[0].Id)).Select(a => a.CallId).SingleAsync());
        var elsewhere = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(Domain.Funders.FunderKind.StateRegionalOffice, "11"));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(agreements[0].Committee.LeadEmail)).GetAsync($"/api/calls/{callId}/indicators")).StatusCode);
        var totals = await elsewhere.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}/indicators");
        Assert.Equal((0, 0m), (totals[0].GetProperty("agreements").GetInt32(), totals[0].GetProperty("actual").GetDecimal()));
    }

    [Fact]
    public async Task A_draft_calls_indicators_are_not_found_by_the_staff_of_a_funder_that_does_not_fund_it()
    {
        var funding = await app.AddFunder(Domain.Funders.FunderKind.Region, "84");
        var draft = await Calls.CallBuilder.Call(
            await app.ClientFor(Roles.Administrator, null),
            Calls.CallBuilder.Details([(funding.Id.Value, 10_000m)]),
            Calls.CallBuilder.Rules(indicators: [new { code = "TIERSLIEUX", label = "Tiers-lieux ouverts en secret", unit = "lieux" }]));
        var otherFunder = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(Domain.Funders.FunderKind.StateRegionalOffice, "84"));

        var refused = await otherFunder.GetAsync($"/api/calls/{draft}/indicators");
        var ownFunder = await (await app.ClientFor(Roles.ProgramOfficer, funding)).GetFromJsonAsync<JsonElement>($"/api/calls/{draft}/indicators");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("TIERSLIEUX", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("TIERSLIEUX", Assert.Single(ownFunder.EnumerateArray()).GetProperty("code").GetString());
    }

    /// <summary>Fills, submits and reviews the activity report of each year given, straight through the domain.</summary>
    private Task<int> Reported(Guid agreementId, params (int Year, decimal Jobs, ReportState Outcome)[] years) => app.Db(async db =>
    {
        var reports = await db.Reports.Where(r => r.AgreementId == new AgreementId(agreementId) && r.Kind == ReportKind.Activity).ToListAsync();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        foreach (var (year, jobs, outcome) in years)
        {
            var report = reports.Single(r => r.YearNumber == year);
            Assert.True(report.FillIndicators([new IndicatorValue("emplois", jobs)], today).IsSuccess);
            Assert.True(report.Submit(Guid.NewGuid(), Now).IsSuccess);
            var reviewed = outcome switch
            {
                ReportState.Approved => report.Approve(Guid.NewGuid(), Now),
                ReportState.Rejected => report.Reject("Non étayé", Guid.NewGuid(), Now),
                _ => Domain.Common.Result.Success(),
            };
            Assert.True(reviewed.IsSuccess);
        }

        return await db.SaveChangesAsync();
    });
}
