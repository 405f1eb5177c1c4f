using System.Text;

namespace PtceFunding.Application.OpenData;

/// <summary>
/// Comma-separated values as RFC 4180 writes them: records end with CRLF, a field containing a comma, a double quote,
/// a carriage return or a line feed is enclosed in double quotes and its double quotes are doubled; others are written as they are.
/// A field a spreadsheet would run as a formula is defused first (<see cref="Common.CsvWriter.Defused"/>).
/// </summary>
public static class Csv
{
    public const char Separator = ',';

    public const string LineEnd = "\r\n";

    /// <summary>The header, then one record per row.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendRecord(text, header);
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"A record has {row.Count} fields, the header {header.Count}.", nameof(rows));
            }

            AppendRecord(text, row);
        }

        return text.ToString();
    }

    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = Common.CsvWriter.Defused(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? value
            : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static void AppendRecord(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Separator);
            }

            text.Append(Field(fields[i]));
        }

        text.Append(LineEnd);
    }
}
