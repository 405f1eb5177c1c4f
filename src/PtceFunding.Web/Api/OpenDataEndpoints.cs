using System.Globalization;
using PtceFunding.Application.OpenData;

namespace PtceFunding.Web.Api;

/// <summary>
/// The open-data downloads of the signed agreements (docs/adr/0021): the full exports for administrators under
/// /api/open-data, the grants above €23,000 for everyone under /open-data.
/// </summary>
internal static class OpenDataEndpoints
{
    /// <summary>How many grants the full export left out because their funder has no SIRET recorded.</summary>
    public const string WithoutSiretHeader = "X-Grants-Without-Funder-Siret";

    public static RouteGroupBuilder MapOpenDataEndpoints(this RouteGroupBuilder api)
    {
        var full = api.MapGroup("/open-data").WithTags("Données ouvertes").RequireAuthorization(Policies.Administrator);
        full.MapGet("/subventions.csv", (ISender sender, HttpContext http, CancellationToken ct) => Download(OpenDataFormat.ScdlCsv, publicOnly: false, sender, http, ct))
            .WithSummary("Toutes les subventions des conventions signées, au format SCDL Subventions (CSV).");
        full.MapGet("/360giving.json", (ISender sender, HttpContext http, CancellationToken ct) => Download(OpenDataFormat.ThreeSixtyGivingJson, publicOnly: false, sender, http, ct))
            .WithSummary("Toutes les subventions des conventions signées, au format 360Giving (JSON).");
        return api;
    }

    public static IEndpointRouteBuilder MapPublicOpenDataEndpoints(this IEndpointRouteBuilder app)
    {
        var published = app.MapGroup("/open-data").WithTags("Données ouvertes").AllowAnonymous();
        published.MapGet("/subventions.csv", (ISender sender, HttpContext http, CancellationToken ct) => Download(OpenDataFormat.ScdlCsv, publicOnly: true, sender, http, ct))
            .WithSummary("Public : les subventions de plus de 23 000 € des conventions signées, au format SCDL Subventions (CSV, décret 2017-779).");
        published.MapGet("/360giving.json", (ISender sender, HttpContext http, CancellationToken ct) => Download(OpenDataFormat.ThreeSixtyGivingJson, publicOnly: true, sender, http, ct))
            .WithSummary("Public : les subventions de plus de 23 000 € des conventions signées, au format 360Giving (JSON).");
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.IResult> Download(OpenDataFormat format, bool publicOnly, ISender sender, HttpContext http, CancellationToken ct) =>
        (await sender.Send(new ExportOpenData(format, publicOnly), ct)).ToHttp(file =>
        {
            if (!publicOnly)
            {
                http.Response.Headers[WithoutSiretHeader] = file.GrantsWithoutFunderSiret.ToString(CultureInfo.InvariantCulture);
            }

            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        });
}
