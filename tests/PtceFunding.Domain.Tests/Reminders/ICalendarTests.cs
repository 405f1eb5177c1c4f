using System.Text;
using PtceFunding.Application.Reminders;

namespace PtceFunding.Domain.Tests.Reminders;

public sealed class ICalendarTests
{
    [Fact]
    public void Text_values_escape_backslashes_semicolons_commas_and_newlines()
    {
        Assert.Equal("a\\\\b\\;c\\,d\\ne\\nf", ICalendar.Escape("a\\b;c,d\r\ne\nf"));
    }

    [Fact]
    public void A_line_of_75_octets_is_not_folded()
    {
        var line = "SUMMARY:" + new string('x', 67);
        Assert.Equal(line, ICalendar.Fold(line));
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_with_a_leading_space_and_unfold_to_the_original()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("Compte rendu d'activité à déposer — année 1, ", 6));

        var folded = ICalendar.Fold(line);

        var parts = folded.Split("\r\n");
        Assert.True(parts.Length > 3);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75, $"{Encoding.UTF8.GetByteCount(p)} octets: {p}"));
        Assert.All(parts.Skip(1), p => Assert.StartsWith(" ", p, StringComparison.Ordinal));
        Assert.Equal(line, folded.Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Folding_never_splits_a_multi_octet_character()
    {
        var line = "SUMMARY:" + new string('é', 100);

        var parts = ICalendar.Fold(line).Split("\r\n");

        Assert.All(parts, p => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))));
        Assert.Equal(74, Encoding.UTF8.GetByteCount(parts[0]));
    }

    [Fact]
    public void A_calendar_has_crlf_lines_the_required_properties_and_an_all_day_event_per_deadline()
    {
        var text = ICalendar.Write("-//PtceFunding//Echeances//FR", "Mes échéances", new DateTimeOffset(2028, 6, 1, 7, 30, 0, TimeSpan.Zero),
            [new CalendarEvent("report-1@ptcefunding", new DateOnly(2028, 6, 30), "Compte rendu, année 1; à déposer", null, "https://ptce.test/x")]);

        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text.Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("PRODID:-//PtceFunding//Echeances//FR", lines);
        Assert.Contains("DTSTAMP:20280601T073000Z", lines);
        Assert.Contains("DTSTART;VALUE=DATE:20280630", lines);
        Assert.Contains("DTEND;VALUE=DATE:20280701", lines);
        Assert.Contains("SUMMARY:Compte rendu\\, année 1\\; à déposer", lines);
        Assert.Contains("UID:report-1@ptcefunding", lines);
    }
}
