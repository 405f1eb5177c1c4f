using PtceFunding.Application.Common;
using PtceFunding.Application.Finance;

namespace PtceFunding.Web.Api;

/// <summary>The finance views, as JSON and as CSV files (same path with <c>.csv</c>); <c>?funderId=</c> narrows national views to one funder.</summary>
internal static class FinanceEndpoints
{
    public static RouteGroupBuilder MapFinanceEndpoints(this RouteGroupBuilder api)
    {
        var finance = api.MapGroup("/finance").WithTags("Finances").RequireAuthorization(Policies.FinanceReaders);

        Map(finance, "/by-funder-year", "financement-par-financeur-et-annee", funderId => new GetFundingByFunderAndYear(funderId), FinanceCsv.ByFunderAndYear,
            "Engagé, versé et reste à verser par financeur et par année budgétaire.");
        Map(finance, "/by-call", "financement-par-appel", funderId => new GetFundingByCall(funderId), FinanceCsv.ByCall,
            "Engagé, versé et reste à verser par appel.");
        Map(finance, "/by-region", "financement-par-region", funderId => new GetFundingByRegion(funderId), FinanceCsv.ByRegion,
            "Engagé, versé et reste à verser par région du chef de file.");
        Map(finance, "/agreements", "conventions-finances", funderId => new ListAgreementFinances(funderId), FinanceCsv.Agreements,
            "Par convention et financeur : montant, versé, reste à verser, prochaine échéance, engagement juridique.");
        Map(finance, "/forecast", "previsions-de-versement", funderId => new GetPaymentForecast(funderId), FinanceCsv.Forecast,
            "Versements attendus mois par mois sur les 24 prochains mois (conventions signées et actives).");
        return api;
    }

    private static void Map<TView>(RouteGroupBuilder group, string path, string fileName, Func<Guid?, Application.Messaging.IQuery<Result<TView>>> query, Func<TView, CsvWriter> csv, string summary)
        where TView : notnull
    {
        group.MapGet(path, async (Guid? funderId, Mediator.ISender sender, CancellationToken ct) =>
                (await sender.Send(query(funderId), ct)).ToHttp(view => TypedResults.Ok(view)))
            .ForPartners(PartnerScopes.FunderRead)
            .WithSummary(summary);

        group.MapGet(path + ".csv", async (Guid? funderId, Mediator.ISender sender, CancellationToken ct) =>
                (await sender.Send(query(funderId), ct)).ToHttp(view => TypedResults.File(csv(view).ToBytes(), CsvWriter.ContentType, fileName + ".csv")))
            .ForPartners(PartnerScopes.FunderRead)
            .WithSummary(summary + " Fichier CSV (UTF-8, séparateur point-virgule).");
    }
}
