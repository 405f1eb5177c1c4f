using System.Text.RegularExpressions;

namespace PtceFunding.Web.Hosting;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-Id</c> when well-formed),
/// puts it in the log scope and the response, and on the audit entries of the request.
/// </summary>
internal sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "ptce:correlation-id";

    public static string? Of(HttpContext context) => context.Items[ItemKey] as string;

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = WellFormed().IsMatch(incoming) ? incoming : Guid.CreateVersion7().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.Headers[Header] = id;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{8,100}$")]
    private static partial Regex WellFormed();
}
