using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Application;
using PtceFunding.Application.Abstractions;
using IHttpResult = Microsoft.AspNetCore.Http.IResult;

namespace PtceFunding.Web.Api;

/// <summary>The one place where results and exceptions become RFC 9457 problem details.</summary>
public static partial class Problems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.RuleBroken => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IHttpResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Failures.Count > 0)
        {
            extensions["failures"] = error.Failures.Select(f => new { code = f.Code, message = f.Message }).ToList();
        }

        if (error.CurrentVersion is { } currentVersion)
        {
            extensions["currentVersion"] = currentVersion;
        }

        return error.Kind == ErrorKind.Validation
            ? TypedResults.ValidationProblem(error.FieldErrors.ToDictionary(), detail: error.Message, title: "Requête invalide", extensions: extensions)
            : TypedResults.Problem(detail: error.Message, statusCode: StatusOf(error.Kind), title: TitleOf(error.Kind), extensions: extensions);
    }

    public static IHttpResult ToHttp<T>(this Result<T> result, Func<T, IHttpResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : result.Error.ToProblem();
    }

    public static IHttpResult ToHttp(this Result result, Func<IHttpResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess() : result.Error.ToProblem();
    }

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Unauthorized => "Authentification requise",
        ErrorKind.Forbidden => "Accès refusé",
        ErrorKind.NotFound => "Introuvable",
        ErrorKind.Conflict => "Conflit",
        ErrorKind.RuleBroken => "Règle de gestion non respectée",
        _ => "Erreur",
    };

    private const string UnreadableBody = "La requête est illisible : vérifiez le format des données envoyées.";

    private static string Unreadable(JsonException exception) =>
        exception.Path is { Length: > 1 } path
            ? $"La requête est illisible : la valeur de « {path} » n'a pas le format attendu."
            : MissingProperties(exception) is { Count: > 0 } missing
                ? $"La requête est incomplète : {string.Join(", ", missing.Select(m => $"« {m} »"))} manque(nt)."
                : UnreadableBody;

    private static readonly string[] Required = ["Ce champ est obligatoire."];

    /// <summary>
    /// The fields in fault, named as the validators name them ("Members[0].Name" for "$.members[0].name"): the value
    /// that does not read, or each required property missing from its object.
    /// </summary>
    private static Dictionary<string, string[]> FieldErrors(JsonException exception)
    {
        var missing = MissingProperties(exception);
        var at = FieldName(exception.Path);
        if (missing.Count > 0)
        {
            return missing.ToDictionary(m => at.Length == 0 ? FieldName(m) : $"{at}.{FieldName(m)}", _ => Required, StringComparer.Ordinal);
        }

        return new(StringComparer.Ordinal) { [at.Length == 0 ? "body" : at] = ["Cette valeur n'a pas le format attendu."] };
    }

    private static List<string> MissingProperties(JsonException exception) =>
        exception.Message.Contains("missing required properties", StringComparison.Ordinal)
            ? [.. Regex.Matches(exception.Message, "'([^']+)'").Select(m => m.Groups[1].Value).Where(n => !n.Contains('.', StringComparison.Ordinal))]
            : [];

    /// <summary>"$.members[0].name" → "Members[0].Name".</summary>
    private static string FieldName(string? jsonPath) =>
        string.Join('.', (jsonPath ?? "").TrimStart('$').TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>
    /// A body over the endpoint's limit: Kestrel says 413; the multipart reader (which enforces the
    /// same limit on any server) throws an InvalidDataException that only its message tells apart.
    /// </summary>
    private static bool IsTooLarge(BadHttpRequestException exception) =>
        exception.StatusCode == StatusCodes.Status413PayloadTooLarge
        || (exception.InnerException is InvalidDataException inner && inner.Message.Contains("body length limit", StringComparison.Ordinal));

    /// <summary>Unexpected failures: a concurrent edit is a 409, too large a body a 413, unreadable input a 400, the rest a 500 without details.</summary>
    internal sealed partial class ExceptionHandler(IProblemDetailsService problemDetails, ILogger<ExceptionHandler> logger) : IExceptionHandler
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure of {Method} {Path}")]
        private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);

        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            const string invalid = "Requête invalide";
            var (status, title, detail, code, errors) = exception switch
            {
                ValueTooLongException tooLong => (StatusCodes.Status400BadRequest, invalid, $"« {tooLong.Field} » compte au plus {tooLong.MaxLength} caractères : rien n'a été enregistré.", "request.value_too_long",
                    new Dictionary<string, string[]> { [tooLong.Field] = [$"Au plus {tooLong.MaxLength} caractères."] }),
                // A lost concurrent write, whether EF reports it or the OAuth server's stores (which wrap EF's) do.
                DbUpdateConcurrencyException or OpenIddict.Abstractions.OpenIddictExceptions.ConcurrencyException =>
                    (StatusCodes.Status409Conflict, "Conflit", Concurrency.StaleVersion.Message, Concurrency.StaleVersion.Code, null),
                _ when Infrastructure.Persistence.DatabaseProviderSetup.IsRefusedValue(exception) =>
                    (StatusCodes.Status400BadRequest, invalid, "Une valeur envoyée dépasse ce que la plateforme enregistre (longueur, caractères ou bornes) : rien n'a été enregistré.", "request.value_refused", null),
                BadHttpRequestException bad when IsTooLarge(bad) =>
                    (StatusCodes.Status413PayloadTooLarge, "Requête trop volumineuse", "La requête dépasse la taille maximale acceptée : envoyez un fichier plus petit.", "request.too_large", null),
                BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, invalid, Unreadable(json), "request.unreadable", FieldErrors(json)),
                BadHttpRequestException bad => (bad.StatusCode, invalid, UnreadableBody, "request.unreadable", bad.StatusCode == StatusCodes.Status400BadRequest ? new() { ["body"] = [UnreadableBody] } : null),
                // A form field holding a null character (« %00 »), which the form reader refuses to decode.
                InvalidDataException => (StatusCodes.Status400BadRequest, invalid, UnreadableBody, "request.unreadable", new() { ["body"] = [UnreadableBody] }),
                _ => (StatusCodes.Status500InternalServerError, "Erreur interne", "Une erreur inattendue s'est produite. Elle a été enregistrée.", "internal", (Dictionary<string, string[]>?)null),
            };
            if (status >= StatusCodes.Status500InternalServerError)
            {
                // "Elle a été enregistrée": the failure is logged with its stack trace (ASP.NET Core does not when a handler handles it).
                LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            }

            httpContext.Response.StatusCode = status;
            var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors);
            (problem.Status, problem.Title, problem.Detail) = (status, title, detail);
            problem.Extensions["code"] = code;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = problem,
            }).ConfigureAwait(false);
        }
    }
}
