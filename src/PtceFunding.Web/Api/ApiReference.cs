using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Scalar.AspNetCore;

namespace PtceFunding.Web.Api;

/// <summary>
/// The API reference for partners (Scalar, from the OpenAPI document), public at <see cref="Path"/>. Its page starts the
/// bundled viewer with one inline module script, and the viewer injects its styles: on this path only, the content
/// security policy admits that one script by its hash, computed from the page as served, and inline styles
/// (docs/adr/0035). No request or user data is on this page.
/// </summary>
internal static partial class ApiReference
{
    public const string Path = "/api-reference";

    public static void MapApiReference(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) || context.Request.Path.Equals(Path + "/", StringComparison.OrdinalIgnoreCase),
            page => page.Use(async (context, next) =>
            {
                var original = context.Response.Body;
                await using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try
                {
                    await next(context).ConfigureAwait(false);
                }
                finally
                {
                    context.Response.Body = original;
                }

                var html = Encoding.UTF8.GetString(buffer.ToArray());
                var hashes = InlineScript().Matches(html).Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
                context.Response.Headers.ContentSecurityPolicy = Hosting.SecurityHeadersMiddleware.ContentSecurityPolicy
                    .Replace("script-src 'self'", "script-src 'self' " + string.Join(' ', hashes), StringComparison.Ordinal)
                    .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);
                context.Response.ContentLength = buffer.Length;
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
            }));
        app.MapScalarApiReference(Path, options =>
            {
                options.WithTitle("PtceFunding — référence de l'API")
                    .DisableDefaultFonts()
                    .HideDeveloperTools()
                    .WithOpenApiRoutePattern("/openapi/{documentName}.json");
                options.ShowOperationId = true;
                options.Agent = new ScalarAgentOptions { Disabled = true }; // no third-party assistant on a State service
            })
            .AllowAnonymous();
    }

    [GeneratedRegex("<script type=\"module\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
