using System.Globalization;
using System.Text;

namespace PtceFunding.Application.Common;

/// <summary>
/// A CSV file as French spreadsheet users open it with a double click (Excel in a French locale): UTF-8 with a byte
/// order mark (so that accents survive), <c>;</c> as separator (the comma is the decimal separator in French), one
/// record per CRLF-terminated line, a header row first. Amounts have two decimals and a decimal comma, no thousands
/// separator (<c>1234,50</c>), so that the spreadsheet reads them as numbers; dates are ISO 8601 (<c>2027-01-31</c>).
/// Text is quoted when it holds a separator, a quote or a line break (quotes doubled, RFC 4180), and text starting
/// with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> is prefixed with an apostrophe so that no cell runs as a formula.
/// </summary>
public sealed class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const char Separator = ';';

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

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
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
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
