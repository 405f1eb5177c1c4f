using PtceFunding.Application.Common;

namespace PtceFunding.Domain.Tests.Common;

/// <summary>The finance exports open in a French spreadsheet without running anything.</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 6 12 34 56 78", "'+33 6 12 34 56 78")]
    [InlineData("-Coopérative", "'-Coopérative")]
    [InlineData("@SOMME(A1)", "'@SOMME(A1)")]
    [InlineData("\tDONNEE", "'\tDONNEE")]
    [InlineData("-1234,50", "-1234,50")]
    [InlineData("-42", "-42")]
    [InlineData("Pôle = coopération", "Pôle = coopération")]
    public void Text_cells_a_spreadsheet_would_run_get_an_apostrophe_and_negative_numbers_stay_numbers(string text, string cell) =>
        Assert.Equal(cell, CsvWriter.Text(text));

    [Fact]
    public void A_negative_amount_is_written_as_a_number()
    {
        var csv = new CsvWriter("Financeur", "Solde (€)").Row(CsvWriter.Text("=Région"), CsvWriter.Amount(-1500.5m)).ToString();

        Assert.Equal("Financeur;Solde (€)\r\n'=Région;-1500,50\r\n", csv);
    }
}
