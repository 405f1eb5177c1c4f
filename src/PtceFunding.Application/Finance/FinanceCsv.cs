using System.Globalization;
using PtceFunding.Application.Common;
using PtceFunding.Application.Payments;

namespace PtceFunding.Application.Finance;

/// <summary>The CSV export of each finance view (format: <see cref="CsvWriter"/>), with French headers; one row per row of the view.</summary>
public static class FinanceCsv
{
    public static CsvWriter ByFunderAndYear(FundingByFunderAndYear view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new CsvWriter("Financeur", "Année budgétaire", "Engagé (€)", "Versé (€)", "Reste à verser (€)");
        foreach (var row in view.Rows)
        {
            csv.Row(CsvWriter.Text(row.FunderName), CsvWriter.Number(row.Year), CsvWriter.Amount(row.Committed), CsvWriter.Amount(row.Paid), CsvWriter.Amount(row.Remaining));
        }

        return csv;
    }

    public static CsvWriter ByCall(FundingByCall view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new CsvWriter("Appel", "Conventions", "Engagé (€)", "Versé (€)", "Reste à verser (€)");
        foreach (var row in view.Rows)
        {
            csv.Row(CsvWriter.Text(row.CallTitle), CsvWriter.Number(row.Agreements), CsvWriter.Amount(row.Committed), CsvWriter.Amount(row.Paid), CsvWriter.Amount(row.Remaining));
        }

        return csv;
    }

    public static CsvWriter ByRegion(FundingByRegion view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new CsvWriter("Code région", "Région", "Conventions", "Engagé (€)", "Versé (€)", "Reste à verser (€)");
        foreach (var row in view.Rows)
        {
            csv.Row(CsvWriter.Text(row.RegionCode), CsvWriter.Text(row.RegionName), CsvWriter.Number(row.Agreements), CsvWriter.Amount(row.Committed), CsvWriter.Amount(row.Paid), CsvWriter.Amount(row.Remaining));
        }

        return csv;
    }

    public static CsvWriter Agreements(IReadOnlyList<AgreementFinance> agreements)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        var csv = new CsvWriter(
            "Identifiant convention", "Convention", "Statut", "Chef de file", "Financeur", "Montant engagé (€)", "Versé (€)", "Reste à verser (€)",
            "Prochaine échéance", "Type d'échéance", "Montant de l'échéance (€)", "Statut de l'échéance", "Engagement juridique");
        foreach (var a in agreements)
        {
            var next = a.NextInstallment;
            csv.Row(
                CsvWriter.Text(a.AgreementId.ToString()),
                CsvWriter.Text(a.Title),
                CsvWriter.Text(a.StatusLabel),
                CsvWriter.Text(a.LeadName),
                CsvWriter.Text(a.FunderName),
                CsvWriter.Amount(a.Total),
                CsvWriter.Amount(a.Paid),
                CsvWriter.Amount(a.Remaining),
                CsvWriter.Date(next?.DueFrom),
                CsvWriter.Text(next is null ? "" : $"{PaymentText.KindLabel(next.Kind)} année {next.Year}"),
                next is null ? "" : CsvWriter.Amount(next.Remaining),
                CsvWriter.Text(next?.StatusLabel),
                CsvWriter.Text(a.LegalCommitment));
        }

        return csv;
    }

    public static CsvWriter Forecast(PaymentForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var csv = new CsvWriter("Mois", "À verser (€)", "Sous condition ou bloqué (€)", "Total (€)", "Échéances");
        foreach (var month in forecast.Months)
        {
            csv.Row(CsvWriter.Text(month.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)), CsvWriter.Amount(month.Due), CsvWriter.Amount(month.Blocked), CsvWriter.Amount(month.Total), CsvWriter.Number(month.Installments));
        }

        return csv;
    }
}
