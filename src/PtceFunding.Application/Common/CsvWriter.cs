using System.Globalization;
using System.Text;

namespace PtceFunding.Application.Common;

/// <summary>
/// A CSV file as French spreadsheet users open it with a double click (Excel in a French locale): UTF-8 with a byte
/// order mark (so that accents survive), <c>;</c> as separator (the comma is the decimal separator in French), one
/// record per CRLF-terminated line, a header row first. Amounts have two decimals and a decimal comma, no thousands
/// separator (<c>1234,50</c>), so that the spreadsheet reads them as numbers; dates are ISO 8601 (<c>2027-01-31</c>).
/// Text is quoted when it holds a separator, a quote or a line break (quotes doubled, RFC 4180), and defused
/// (<see cref="Defused"/>) so that no cell runs as a formula.
/// </summary>
public sealed class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const char Separator = ';';

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A sign, digits and a decimal separator: "-1234,50", "-3", not "+33 6 12 34 56 78".</summary>
    private const NumberStyles PlainNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private readonly StringBuilder _text = new();
    private readonly int _columns;

    public CsvWriter(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _columns = header.Length;
        Line(header.Select(Text));
    }

    /// <summary>Appends one record of cells formatted by <see cref="Text"/>, <see cref="Amount"/>, <see cref="Number"/> or <see cref="Date"/>; as many as the header.</summary>
    public CsvWriter Row(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns)
        {
            throw new ArgumentException($"A row has {_columns} cells, like the header; got {cells.Length}.", nameof(cells));
        }

        Line(cells);
        return this;
    }

    /// <summary>The file's bytes: UTF-8 with its byte order mark.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public override string ToString() => _text.ToString();

    /// <summary>A text cell, quoted as needed and defused against formulas.</summary>
    public static string Text(string? value)
    {
        var text = Defused(value ?? "");
        return text.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// A text a spreadsheet will not run (OWASP CSV injection): one starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
    /// a tab or a carriage return gets a leading apostrophe, unless it is a number (a negative amount stays a number).
    /// Every CSV the platform writes goes through here, the open-data files included (docs/adr/0021).
    /// </summary>
    public static string Defused(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(text, PlainNumber, CultureInfo.InvariantCulture, out _)
            && !decimal.TryParse(text, PlainNumber, French, out _)
                ? "'" + text
                : text;
    }

    /// <summary>An amount in euros: two decimals, decimal comma, no thousands separator.</summary>
    public static string Amount(decimal value) => value.ToString("0.00", French);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An ISO 8601 date; empty when there is none.</summary>
    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private void Line(IEnumerable<string> cells)
    {
        _text.AppendJoin(Separator, cells);
        _text.Append("\r\n");
    }
}
