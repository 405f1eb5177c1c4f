using Microsoft.AspNetCore.Http.Features;

namespace PtceFunding.Web.Hosting;

/// <summary>
/// A JSON body is at most <see cref="MaxBytes"/> (the largest legitimate one, a financing plan of 500 lines, is a few
/// tens of kilobytes): a larger one is a 413 before anything reads it (docs/adr/0031). Files travel as multipart
/// with their own limit (<c>Documents:MaxFileBytes</c>).
/// </summary>
internal sealed class JsonBodyLimitMiddleware(RequestDelegate next)
{
    public const long MaxBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasJsonContentType())
        {
            if (context.Request.ContentLength > MaxBytes)
            {
                return Refuse(context);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                // A body sent without its length (chunked) is cut at the same size by the server.
                limit.MaxRequestBodySize = MaxBytes;
            }
        }

        return next(context);
    }

    private static Task Refuse(HttpContext context) =>
        Results.Problem(
                detail: $"Le corps de la requête dépasse {MaxBytes / 1024} Kio.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Requête trop volumineuse",
                extensions: new Dictionary<string, object?> { ["code"] = "request.too_large" })
            .ExecuteAsync(context);
}
