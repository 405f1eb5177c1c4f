using System.Globalization;
using System.Text;

namespace PtceFunding.Application.Reminders;

/// <summary>An all-day calendar entry (one deadline); <see cref="Uid"/> stays the same for the same deadline.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string? Description, string? Url);

/// <summary>
/// Writes an iCalendar file (RFC 5545): CRLF line endings, content lines folded at 75 octets (never inside a UTF-8
/// character), TEXT values escaped (backslash, semicolon, comma, newline), all-day events as <c>DTSTART;VALUE=DATE</c>.
/// </summary>
public static class ICalendar
{
    private const int MaxOctets = 75;
    private const string CrLf = "\r\n";

    public static string Write(string productId, string name, DateTimeOffset stamp, IEnumerable<CalendarEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new StringBuilder();
        void Line(string line) => calendar.Append(Fold(line)).Append(CrLf);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:" + productId);
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
        var dtStamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var entry in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + entry.Uid);
            Line("DTSTAMP:" + dtStamp);
            Line("DTSTART;VALUE=DATE:" + entry.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("DTEND;VALUE=DATE:" + entry.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Escape(entry.Summary));
            if (entry.Description is { } description)
            {
                Line("DESCRIPTION:" + Escape(description));
            }

            if (entry.Url is { } url)
            {
                Line("URL:" + url);
            }

            Line("TRANSP:TRANSPARENT");
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return calendar.ToString();
    }

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines start with a space
    /// (counted in their 75), and a UTF-8 character is never split.
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Encoding.UTF8.GetByteCount(line) <= MaxOctets)
        {
            return line;
        }

        var folded = new StringBuilder();
        var octets = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > MaxOctets)
            {
                folded.Append(CrLf).Append(' ');
                octets = 1;
            }

            folded.Append(element);
            octets += size;
        }

        return folded.ToString();
    }
}
