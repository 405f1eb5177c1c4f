using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;

namespace PtceFunding.IntegrationTests.Reminders;

/// <summary>The secret per-user iCalendar feed of upcoming deadlines.</summary>
public sealed class CalendarFeedTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    [Fact]
    public async Task The_lead_members_feed_lists_exactly_its_pending_reports_as_valid_icalendar_and_a_revoked_address_gets_404()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 60_000m, region: 20_000m);
        var url = await CreateFeed(agreement.Committee.Lead);
        app.Clock.Now = new DateTimeOffset(2028, 7, 1, 7, 0, 0, TimeSpan.Zero);
        var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync(new Uri(url).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var events = AssertValidCalendar(text);
        var expected = await app.Db(db => db.Reports.Where(r => r.AgreementId == new AgreementId(agreement.Id) && r.DueOn >= new DateOnly(2028, 7, 1))
            .Select(r => new { r.Id, r.DueOn }).ToListAsync());
        Assert.Equal(3, expected.Count);
        Assert.Equal(
            expected.Select(r => $"report-{r.Id}-{r.DueOn:yyyyMMdd}@ptcefunding").Order(),
            events.Select(e => e["UID"]).Order());
        Assert.All(events, e => Assert.Equal("20290630", e["DTSTART;VALUE=DATE"]));
        Assert.Contains(events, e => e["SUMMARY"].StartsWith("Bilan final à déposer", StringComparison.Ordinal));

        app.Clock.Now = AgreementSetup.SignedAt;
        (await agreement.Committee.Lead.DeleteAsync("/api/me/calendar")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/inconnu.ics")).StatusCode);
    }

    [Fact]
    public async Task The_feed_is_read_back_by_an_independent_icalendar_parser_with_its_dates_and_escaped_text_intact()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 45_000m, region: 15_000m);
        var url = await CreateFeed(agreement.Committee.Lead);
        app.Clock.Now = new DateTimeOffset(2028, 1, 15, 7, 0, 0, TimeSpan.Zero);

        var text = await app.CreateClient().GetStringAsync(new Uri(url).PathAndQuery);

        // Ical.Net (tests only) parses RFC 5545 content lines, unfolds, unescapes TEXT and throws on a malformed calendar.
        var calendar = Ical.Net.Calendar.Load(text);
        Assert.NotNull(calendar);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("-//PtceFunding//Echeances//FR", calendar.ProductId);
        var expected = await app.Db(db => db.Reports.Where(r => r.AgreementId == new AgreementId(agreement.Id) && r.DueOn >= new DateOnly(2028, 1, 15))
            .Select(r => new { r.Id, r.DueOn }).ToListAsync());
        var title = await app.Db(db => db.Agreements.Where(a => a.Id == new AgreementId(agreement.Id)).Select(a => a.Title).SingleAsync());
        Assert.NotEmpty(expected);
        Assert.Equal(
            expected.Select(r => $"report-{r.Id}-{r.DueOn:yyyyMMdd}@ptcefunding").Order(StringComparer.Ordinal),
            calendar.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
        Assert.All(calendar.Events, e =>
        {
            var report = expected.Single(r => e.Uid == $"report-{r.Id}-{r.DueOn:yyyyMMdd}@ptcefunding");
            Assert.False(e.DtStart!.HasTime);
            Assert.Equal(report.DueOn, e.DtStart.Date);
            Assert.NotNull(e.DtStamp);
            Assert.EndsWith($"« {title} »", e.Summary, StringComparison.Ordinal);
            Assert.Equal("Dernier jour pour déposer le compte rendu ; en retard, il suspend les versements de la convention.", e.Description);
            Assert.Equal($"https://ptce.test/Conventions/Convention?id={agreement.Id}", e.Url?.AbsoluteUri);
        });
        Assert.Contains(calendar.Events, e => e.Summary == $"Compte rendu financier de l'année 1 à déposer — convention « {title} »");
    }

    [Fact]
    public async Task Regenerating_the_address_retires_the_previous_one()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 30_000m, region: 0m);
        var first = await CreateFeed(agreement.Committee.Lead);
        var second = await CreateFeed(agreement.Committee.Lead);
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(first).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(second).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_finance_officers_feed_lists_the_upcoming_installments_of_their_funder_only()
    {
        var agreement = await new AgreementSetup(app).Signed(state: 50_000m, region: 10_000m);
        var finance = await app.ClientFor(Roles.FinanceOfficer, agreement.Committee.Consortium.Region);
        var url = await CreateFeed(finance);
        app.Clock.Now = new DateTimeOffset(2027, 1, 1, 7, 0, 0, TimeSpan.Zero);

        var text = await app.CreateClient().GetStringAsync(new Uri(url).PathAndQuery);

        var events = AssertValidCalendar(text);
        var expected = await app.Db(db => db.Installments.Where(i => i.FunderId == agreement.Region && i.State == InstallmentState.Planned && i.DueFrom >= new DateOnly(2027, 1, 1))
            .Select(i => i.Id).ToListAsync());
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(i => i.Value.ToString()).Order(), events.Select(e => e["UID"].Split('-', 2)[1][..36]).Order());
        Assert.All(events, e => Assert.StartsWith("Échéance payable", e["SUMMARY"], StringComparison.Ordinal));
    }

    private static async Task<string> CreateFeed(HttpClient client)
    {
        var created = await client.PostAsync("/api/me/calendar", null);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    /// <summary>Checks the RFC 5545 structure and answers the events as unfolded property maps.</summary>
    private static List<Dictionary<string, string>> AssertValidCalendar(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var physical = text[..^2].Split("\r\n");
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}"));
        var lines = text[..^2].Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));

        var events = new List<Dictionary<string, string>>();
        var open = new Stack<string>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("BEGIN:", StringComparison.Ordinal))
            {
                open.Push(line[6..]);
                if (line == "BEGIN:VEVENT")
                {
                    current = [];
                }
            }
            else if (line.StartsWith("END:", StringComparison.Ordinal))
            {
                Assert.Equal(open.Pop(), line[4..]);
                if (line == "END:VEVENT")
                {
                    events.Add(current!);
                    current = null;
                }
            }
            else if (current is not null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                current[line[..colon]] = line[(colon + 1)..];
            }
        }

        Assert.Empty(open);
        Assert.All(events, e => Assert.True(e.ContainsKey("UID") && e.ContainsKey("DTSTAMP") && e.ContainsKey("DTSTART;VALUE=DATE") && e.ContainsKey("SUMMARY"), string.Join(", ", e.Keys)));
        Assert.Equal(events.Count, events.Select(e => e["UID"]).Distinct().Count());
        return events;
    }
}
