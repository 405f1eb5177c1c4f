using PtceFunding.Application.OpenData;

namespace PtceFunding.Domain.Tests.OpenData;

public sealed class CsvTests
{
    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_with_their_quotes_doubled_and_records_end_with_crlf()
    {
        var csv = Csv.Write(
            ["objet", "montant"],
            [
                ["Pôle « Rhône », coopératif", "90000.00"],
                ["L'atelier \"Bois & Co\"", "1.00"],
                ["Ligne 1\nLigne 2\r\nLigne 3", "2.00"],
                ["Sans rien de spécial", ""],
            ]);

        Assert.Equal(
            "objet,montant\r\n"
            + "\"Pôle « Rhône », coopératif\",90000.00\r\n"
            + "\"L'atelier \"\"Bois & Co\"\"\",1.00\r\n"
            + "\"Ligne 1\nLigne 2\r\nLigne 3\",2.00\r\n"
            + "Sans rien de spécial,\r\n",
            csv);
    }

    [Fact]
    public void A_field_a_spreadsheet_would_run_is_defused_and_numbers_stay_numbers()
    {
        var csv = Csv.Write(
            ["nomAttributaire", "montant"],
            [
                ["=HYPERLINK(\"http://evil.example\",\"Cliquez\")", "-1500.50"],
                ["+33 coopérative", "0.5"],
                ["@SUM(A1:A9)", "-3"],
                ["\tTabulation", "12"],
                ["\rRetour", "-"],
                ["- Association des jardins", "1e3"],
            ]);

        Assert.Equal(
            "nomAttributaire,montant\r\n"
            + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Cliquez\"\")\",-1500.50\r\n"
            + "'+33 coopérative,0.5\r\n"
            + "'@SUM(A1:A9),-3\r\n"
            + "'\tTabulation,12\r\n"
            + "\"'\rRetour\",'-\r\n"
            + "'- Association des jardins,1e3\r\n",
            csv);
    }

    [Fact]
    public void A_record_with_more_or_fewer_fields_than_the_header_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Csv.Write(["a", "b"], [["1"]]));
    }
}
