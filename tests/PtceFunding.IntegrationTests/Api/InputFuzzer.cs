using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;
using PtceFunding.Web.Security;

namespace PtceFunding.IntegrationTests.Api;

/// <summary>
/// Sends malformed variants of a well-formed body to every JSON write endpoint of the API, read from the endpoint data
/// source, as a caller its policy admits, on real resources where the route names one (issue 14). Each variant is
/// derived from the body's type: each property missing, null, of the wrong JSON type, empty and 100 kB strings,
/// control characters, boundary and overflowing numbers, out-of-range and malformed dates, null and empty elements,
/// unknown and duplicated properties; and whole bodies that do not read, of the wrong type or too large. Seeded: the
/// same seed sends the same requests.
/// </summary>
internal sealed class InputFuzzer(PtceApp app, int seed)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly Random _random = new(seed);

    private readonly Dictionary<string, HttpClient> _clients = [];

    private readonly Dictionary<string, Guid> _known = [];

    public int Sent { get; private set; }

    public SortedDictionary<int, int> ByStatus { get; } = [];

    public List<string> Violations { get; } = [];

    /// <summary>The real resources the routes name, and one client per kind of caller.</summary>
    public async Task Prepare()
    {
        var (consortium, lead, draftId) = await Consortium.CompleteDraft(app, "Fuzz");
        _known["applications"] = draftId;
        var draft = await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Applications, a => a.Id == new Domain.Applications.FundingApplicationId(draftId)));
        _known["organisations"] = draft.LeadOrganisationId.Value;
        _known["calls"] = draft.CallId.Value;
        _known["funders"] = consortium.State.Id.Value;

        _clients[Roles.Applicant] = lead;
        _clients[Roles.ProgramOfficer] = await app.ClientFor(Roles.ProgramOfficer, consortium.State);
        _clients[Roles.FinanceOfficer] = await app.ClientFor(Roles.FinanceOfficer, consortium.State);
        _clients[Roles.Administrator] = await app.ClientFor(Roles.Administrator, null);
        _clients[Roles.Reviewer] = await app.ClientFor(Roles.Reviewer, consortium.State);
        _clients[Roles.CommitteeMember] = await app.ClientFor(Roles.CommitteeMember, consortium.State);
        _clients[""] = app.CreateClient();
    }

    /// <summary>Every JSON write endpoint of the API with the type of its body and the caller to send it as.</summary>
    public List<(string Method, string Pattern, Type Body, string Caller)> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .Where(x => x.Method is "POST" or "PUT" or "PATCH")
            .Select(x => (x.Method, x.Endpoint, Accepts: x.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()))
            .Where(x => x.Accepts?.RequestType is not null && x.Accepts.ContentTypes.Any(t => t.Contains("json", StringComparison.Ordinal)))
            .Select(x => (x.Method, x.Endpoint.RoutePattern.RawText!, x.Accepts!.RequestType!, CallerOf(x.Endpoint)))
            .OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.Method, StringComparer.Ordinal)];

    /// <summary>Sends every variant of every endpoint (one in <paramref name="keepOneIn"/>, chosen by the seed, for a smaller run).</summary>
    public async Task Run(int keepOneIn = 1)
    {
        foreach (var (method, pattern, body, caller) in Endpoints())
        {
            var path = Path(pattern);
            var baseline = Baseline(body, 0);
            foreach (var (name, content, contentType) in Variants(baseline))
            {
                if (keepOneIn > 1 && _random.Next(keepOneIn) != 0)
                {
                    continue;
                }

                await Send(method, path, pattern, caller, name, content, contentType);
            }
        }
    }

    private async Task Send(string method, string path, string pattern, string caller, string variant, string content, string contentType)
    {
        var before = await Written();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(content, Encoding.UTF8) };
        request.Content.Headers.ContentType = new(contentType) { CharSet = "utf-8" };
        using var response = await _clients[caller].SendAsync(request);
        var status = (int)response.StatusCode;
        Sent++;
        ByStatus[status] = ByStatus.GetValueOrDefault(status) + 1;
        var shown = content.Length > 300 ? content[..300] + $"… ({content.Length} characters)" : content;
        var where = $"{method} {pattern} as {(caller.Length == 0 ? "anonymous" : caller)}, {variant}: {shown}";
        if (status >= 500)
        {
            Violations.Add($"{status} for {where}");
            return;
        }

        if (status == 400 && !await HasFieldErrors(response))
        {
            Violations.Add($"400 without field errors for {where}");
        }

        if (status >= 400 && await Written() != before)
        {
            Violations.Add($"{status} but something was written for {where}");
        }
    }

    private static async Task<bool> HasFieldErrors(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Audit entries record every change; the outbox every message: neither may grow on a refusal (a failed sign-in is a security event, recorded by design).</summary>
    private Task<(int Audit, int Outbox)> Written() =>
        app.Db(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, a => a.EntityType != PtceFunding.Infrastructure.Identity.SecurityEvents.EntityType), await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Notifications)));

    private string Path(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "{([^}:]+)[^}]*}", match =>
        {
            var resource = pattern[..match.Index].TrimEnd('/').Split('/')[^1];
            return (_known.TryGetValue(resource, out var id) ? id : Guid.NewGuid()).ToString();
        });

    private static string CallerOf(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "";
        }

        var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? Policies.Authenticated;
        return policy switch
        {
            Policies.Administrator or Policies.PlatformAdministrator => Roles.Administrator,
            Policies.FinanceOfficer or Policies.FinanceReaders => Roles.FinanceOfficer,
            Policies.Reviewer => Roles.Reviewer,
            Policies.CommitteeMember => Roles.CommitteeMember,
            Policies.ProgramOfficer or Policies.Staff or Policies.Instructors or Policies.ReviewOpinionReaders => Roles.ProgramOfficer,
            _ => Roles.Applicant,
        };
    }

    /// <summary>A well-formed value of <paramref name="type"/>, as a client would send it.</summary>
    internal static JsonNode? Baseline(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "Valeur";
        }

        if (underlying == typeof(Guid))
        {
            return Guid.NewGuid().ToString();
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short))
        {
            return 1;
        }

        if (underlying == typeof(decimal) || underlying == typeof(double))
        {
            return 100;
        }

        if (underlying == typeof(DateOnly))
        {
            return "2027-01-15";
        }

        if (underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset))
        {
            return "2027-01-15T09:00:00Z";
        }

        if (underlying.IsEnum)
        {
            return Enum.GetNames(underlying)[0];
        }

        if (ElementOf(underlying) is { } element)
        {
            return depth > 3 ? new JsonArray() : new JsonArray(Baseline(element, depth + 1));
        }

        if (underlying.IsAssignableTo(typeof(IDictionary)) || depth > 3)
        {
            return new JsonObject();
        }

        var constructor = underlying.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var result = new JsonObject();
        foreach (var parameter in constructor?.GetParameters() ?? [])
        {
            result[JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!)] = parameter.Name == "ExpectedVersion" ? 0 : Baseline(parameter.ParameterType, depth + 1);
        }

        return result;
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments().Length == 1 && type.IsAssignableTo(typeof(IEnumerable)) ? type.GetGenericArguments()[0]
        : null;

    /// <summary>The malformed variants of a body: per property (and per property of its first nested object), then whole bodies.</summary>
    private IEnumerable<(string Name, string Content, string ContentType)> Variants(JsonNode? baseline)
    {
        const string json = "application/json";
        if (baseline is JsonObject body)
        {
            foreach (var (path, value) in Leaves(body, ""))
            {
                foreach (var (name, replacement, remove) in ValueVariants(value))
                {
                    var copy = body.DeepClone().AsObject();
                    Replace(copy, path, replacement, remove);
                    yield return ($"{path} {name}", copy.ToJsonString(Web), json);
                }
            }

            var unknown = body.DeepClone().AsObject();
            unknown["propriétéInconnue"] = "x";
            yield return ("unknown property", unknown.ToJsonString(Web), json);
            if (body.Count > 0)
            {
                var text = body.ToJsonString(Web);
                var first = body.First().Key;
                yield return ("duplicated property", text.TrimEnd('}') + $",\"{first}\":null}}", json);
            }
        }

        yield return ("empty body", "", json);
        yield return ("null body", "null", json);
        yield return ("array body", "[]", json);
        yield return ("truncated body", "{\"", json);
        yield return ("number body", "42", json);
        yield return ("text/plain", baseline?.ToJsonString(Web) ?? "{}", "text/plain");
        yield return ("2 MB body", "{\"x\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", json);
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonObject node, string prefix)
    {
        foreach (var (key, value) in node.ToList())
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            yield return (path, value);
            var depth = path.Count(c => c == '.');
            if (value is JsonObject child && depth < 3)
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
            else if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject element && depth < 3)
            {
                foreach (var leaf in Leaves(element, path + "[0]"))
                {
                    yield return leaf;
                }
            }
        }
    }

    private IEnumerable<(string Name, JsonNode? Value, bool Remove)> ValueVariants(JsonNode? value)
    {
        yield return ("missing", null, true);
        yield return ("null", null, false);
        switch (value)
        {
            case JsonArray array:
                yield return ("object instead of array", new JsonObject(), false);
                yield return ("[null]", new JsonArray((JsonNode?)null), false);
                yield return ("[{}]", new JsonArray(new JsonObject()), false);
                if (array.Count > 0)
                {
                    yield return ("3,000 elements", new JsonArray([.. Enumerable.Range(0, 3_000).Select(_ => array[0]?.DeepClone())]), false);
                }

                break;
            case JsonObject:
                yield return ("array instead of object", new JsonArray(), false);
                yield return ("string instead of object", "x", false);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                var text = scalar.GetValue<string>();
                yield return ("number instead of string", 12345, false);
                yield return ("empty string", "", false);
                yield return ("100 kB string", new string('é', 100_000), false);
                yield return ("U+0000", "a\u0000b", false);
                yield return ("U+0007", "\u0007", false);
                yield return ("U+001B escape", "texte\u001B[31m", false);
                yield return ("lone surrogate", "a\ud800b", false);
                yield return ("whitespace only", "   \t ", false);
                yield return ("20,001 characters", new string('a', 20_001), false);
                yield return ("1,000 characters", new string('a', 1_000), false);
                yield return ("emoji", "🏳️‍🌈 coopérative ✓", false);
                if (DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _) || text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    yield return ("0001-01-01", "0001-01-01", false);
                    yield return ("9999-12-31", "9999-12-31", false);
                    yield return ("30 February", "2027-02-30", false);
                    yield return ("malformed date", "demain", false);
                }
                else if (Guid.TryParse(text, out _))
                {
                    yield return ("malformed guid", "not-a-guid", false);
                    yield return ("empty guid", Guid.Empty.ToString(), false);
                }

                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                yield return ("string instead of number", "abc", false);
                yield return ("negative", -1, false);
                yield return ("1e30", JsonValue.Create(1e30), false);
                yield return ("2^31", 2147483648L, false);
                yield return ("decimal.MaxValue", decimal.MaxValue, false);
                yield return ("three decimals", 0.001m, false);
                yield return ("-2^31", int.MinValue, false);
                yield return ("fraction", 1.5m, false);
                yield return ("zero", 0, false);
                yield return ("random", _random.Next(int.MinValue, int.MaxValue), false);
                break;
            case JsonValue scalar when scalar.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                yield return ("string instead of boolean", "vrai", false);
                yield return ("number instead of boolean", 1, false);
                break;
        }
    }

    private static void Replace(JsonObject root, string path, JsonNode? value, bool remove)
    {
        var parts = path.Split('.');
        JsonNode? node = root;
        foreach (var part in parts[..^1])
        {
            node = part.EndsWith("[0]", StringComparison.Ordinal) ? node![part[..^3]]![0] : node![part];
        }

        var last = parts[^1];
        if (remove)
        {
            node!.AsObject().Remove(last);
        }
        else
        {
            node![last] = value;
        }
    }
}
