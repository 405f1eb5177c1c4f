using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Agreements;

/// <summary>An accepted decision of a closed session produces a draft agreement, once, with amounts exact to the cent.</summary>
public sealed class DraftAgreementTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task An_accepted_decision_of_a_closed_session_produces_one_draft_agreement_whose_years_and_installments_add_up_to_the_decision()
    {
        var setup = await new CommitteeSetup(app).Start();
        var applicationId = await setup.Eligible(state: 200_000m, region: 50_000m);
        var member = await setup.Member();
        await setup.Open(setup.FirstSession);
        (await setup.Accept(member, setup.FirstSession, applicationId, state: 100_000.01m, region: 33_333.33m)).EnsureSuccessStatusCode();
        await setup.Close(setup.FirstSession);
        var officer = await setup.Officer();

        var first = await officer.PostAsJsonAsync("/api/agreements", new { applicationId });
        var again = await officer.PostAsJsonAsync("/api/agreements", new { applicationId });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(1, await app.Db(db => db.Agreements.CountAsync(a => a.ApplicationId == new Domain.Applications.FundingApplicationId(applicationId))));

        var agreement = await officer.GetFromJsonAsync<JsonElement>($"/api/agreements/{id}");
        Assert.Equal("Draft", agreement.GetProperty("status").GetString());
        Assert.Equal("Pôle coopératif du Rhône", agreement.GetProperty("title").GetString());
        Assert.Equal(133_333.34m, agreement.GetProperty("total").GetDecimal());
        var years = agreement.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1)], years.Select(y => DateOnly.Parse(y.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var (funderId, granted) in new[] { (setup.Consortium.State.Id.Value, 100_000.01m), (setup.Consortium.Region.Id.Value, 33_333.33m) })
        {
            var yearly = years.Select(y => y.GetProperty("amounts").EnumerateArray().Single(a => a.GetProperty("funderId").GetGuid() == funderId).GetProperty("amount").GetDecimal()).ToList();
            Assert.Equal(granted, yearly.Sum());
            Assert.True(Math.Abs(yearly[0] - yearly[1]) <= 0.01m, "a flat schedule differs by one cent at most");
            var funder = agreement.GetProperty("funders").EnumerateArray().Single(f => f.GetProperty("funderId").GetGuid() == funderId);
            var installments = funder.GetProperty("installments").EnumerateArray().ToList();
            Assert.Equal(4, installments.Count);
            Assert.Equal(granted, installments.Sum(i => i.GetProperty("amount").GetDecimal()));
            Assert.Equal(yearly[0], installments.Where(i => i.GetProperty("year").GetInt32() == 1).Sum(i => i.GetProperty("amount").GetDecimal()));
        }

        Assert.Equal(5, agreement.GetProperty("reportingObligations").GetArrayLength());
        Assert.Equal(1, agreement.GetProperty("versions").GetArrayLength());
        var lead = await setup.Lead.GetFromJsonAsync<JsonElement>($"/api/agreements/{id}");
        Assert.Equal(id, lead.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_officer_who_does_not_see_the_application_gets_404_and_an_application_not_accepted_is_refused_with_422()
    {
        var setup = await new CommitteeSetup(app).Start();
        var accepted = await setup.Eligible(state: 80_000m, region: 0m);
        var notDecided = await setup.Eligible(state: 80_000m, region: 0m);
        await setup.Open(setup.FirstSession);
        (await setup.Accept(await setup.Member(), setup.FirstSession, accepted, state: 80_000m)).EnsureSuccessStatusCode();
        var officer = await setup.Officer();

        var beforeClosing = await officer.PostAsJsonAsync("/api/agreements", new { applicationId = accepted });
        await setup.Close(setup.FirstSession);
        var drafted = await officer.PostAsJsonAsync("/api/agreements", new { applicationId = accepted });
        var undecided = await officer.PostAsJsonAsync("/api/agreements", new { applicationId = notDecided });
        var elsewhere = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.Region, "11"));
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, beforeClosing.StatusCode);
        Assert.Equal("agreement.no_accepted_decision", (await beforeClosing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, undecided.StatusCode);
        Assert.Equal("agreement.no_accepted_decision", (await undecided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync("/api/agreements", new { applicationId = accepted })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/agreements/{id}")).StatusCode);
        Assert.Equal(AgreementStatus.Draft, await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(id)).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_call_that_chooses_anniversary_years_a_smaller_advance_and_earlier_reports_gets_agreements_laid_out_that_way()
    {
        var setup = await AgreementSetup.Start(app);
        var admin = await app.ClientFor(Roles.Administrator, null);
        var callVersion = await app.Db(db => db.Calls.Where(c => c.Id == setup.Committee.CallId).Select(c => c.Version).SingleAsync());
        var invalid = await admin.PutAsJsonAsync($"/api/calls/{setup.Committee.CallId}/follow-up", new
        {
            agreementTerms = new { anniversaryYears = true, advancePercentage = 130m, reportDueAfterMonths = 3 },
            reminderPolicy = new { offsets = new[] { -14, 0 }, escalationOffset = (int?)null, reviewDueAfterDays = 21 },
            expectedVersion = callVersion,
        });
        var changed = await admin.PutAsJsonAsync($"/api/calls/{setup.Committee.CallId}/follow-up", new
        {
            agreementTerms = new { anniversaryYears = true, advancePercentage = 30m, reportDueAfterMonths = 3 },
            reminderPolicy = new { offsets = new[] { -14, 0 }, escalationOffset = (int?)null, reviewDueAfterDays = 21 },
            expectedVersion = callVersion,
        });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var id = (await setup.DraftedAll((60_000m, 0m)))[0];
        var agreement = await (await setup.Committee.Officer()).GetFromJsonAsync<JsonElement>($"/api/agreements/{id}");
        Assert.True(agreement.GetProperty("anniversaryYears").GetBoolean());
        Assert.Equal(30m, agreement.GetProperty("advancePercentage").GetDecimal());
        var years = agreement.GetProperty("years").EnumerateArray().ToList();
        Assert.All(years, y => Assert.False(y.GetProperty("isPartial").GetBoolean()));
        var firstYear = years[0];
        var firstReport = agreement.GetProperty("reportingObligations")[0];
        var yearEnd = DateOnly.Parse(firstYear.GetProperty("end").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(yearEnd.AddDays(1).AddMonths(3).AddDays(-1), DateOnly.Parse(firstReport.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture));
        var advance = agreement.GetProperty("funders")[0].GetProperty("installments")[0];
        var exactAdvance = years[0].GetProperty("total").GetDecimal() * 0.3m;
        Assert.InRange(advance.GetProperty("amount").GetDecimal(), exactAdvance - 0.01m, exactAdvance + 0.01m);
        Assert.Equal([-14, 0], await app.Db(db => db.Calls.Where(c => c.Id == setup.Committee.CallId).Select(c => c.ReminderPolicy.Offsets).SingleAsync()));
    }
}
