using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Domain.Reporting;
using PtceFunding.IntegrationTests.Api;
using PtceFunding.IntegrationTests.Documents;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>
/// The authorization matrix of issue 15: every operation of the API and every page, read from the endpoint data source,
/// called by every kind of <see cref="Caller"/> on the seeded resources of <see cref="MatrixWorld"/>. Each answer is
/// checked against <see cref="AuthorizationMatrix.Table"/>: a caller the table entitles is let in; any other is refused
/// (401 when anonymous, else 403 or 404; a page sends it to the sign-in or access-denied page) or, for lists and totals,
/// answered without the resource when the policy lets it list; and no such answer carries any of the resources'
/// confidential data.
/// Writes carry a well-formed body with a stale version, so that an entitled caller meets a conflict and nothing changes.
/// </summary>
public sealed class AuthorizationMatrixTests(PtceApp app, ITestOutputHelper output) : IClassFixture<PtceApp>
{
    private const int StaleVersion = 1_000_000;

    [Fact]
    public async Task Every_operation_answers_every_kind_of_caller_as_the_matrix_declares_and_no_refusal_carries_the_resource()
    {
        var world = await MatrixWorld.Seed(app);
        var clients = new Dictionary<Caller, HttpClient> { [Caller.Anonymous] = app.CreateClient() };
        var browsers = new Dictionary<Caller, CookieBrowser> { [Caller.Anonymous] = new CookieBrowser(app) };
        foreach (var (caller, email) in world.Emails)
        {
            clients[caller] = await app.ClientFor(email);
            browsers[caller] = new CookieBrowser(app);
            await browsers[caller].Login(email, PtceApp.Password);
        }

        foreach (var (caller, (clientId, secret)) in world.Clients)
        {
            clients[caller] = await PartnerClient(clientId, secret);
            browsers[caller] = new CookieBrowser(app); // a token opens no page: its browser is signed out
        }

        world.Ids["jobs"] = (await clients[Caller.PlatformAdministrator].GetFromJsonAsync<JsonElement>("/api/admin/jobs"))[0].GetProperty("name").GetString()!;
        var operations = Operations();
        Assert.Empty(operations.Where(o => !AuthorizationMatrix.Table.ContainsKey(o.Key)).Select(o => $"{o.Key} is not in the matrix: declare who may call it"));
        Assert.Empty(AuthorizationMatrix.Table.Keys.Where(k => operations.All(o => o.Key != k)).Select(k => $"{k} is in the matrix but no longer exists: remove it"));

        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var cells = 0;
        foreach (var operation in operations)
        {
            var expectation = AuthorizationMatrix.Table[operation.Key];
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var answer = operation.IsPage
                    ? await Visit(browsers[caller], operation, expectation, world)
                    : await Call(clients[caller], operation, expectation, world);
                cells++;
                if (Judge(caller, expectation, answer, world) is { } failure)
                {
                    failures.Add($"{operation.Key} as {caller}: {failure}");
                }
            }
        }

        output.WriteLine($"{operations.Count} operations × {Enum.GetValues<Caller>().Length} callers = {cells} cells in {clock.Elapsed.TotalSeconds:0.0} s; {failures.Count} failed.");
        foreach (var failure in failures.Take(60))
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} cells differ from the matrix, the first: {failures.FirstOrDefault()}");
        Assert.True(cells >= 3_000, $"only {cells} cells");
    }

    /// <summary>A client-credentials token of a partner client.</summary>
    private async Task<HttpClient> PartnerClient(string clientId, string secret)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        var token = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
        token.EnsureSuccessStatusCode();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return client;
    }

    private sealed record Operation(string Key, string Method, string Path, bool IsPage, Type? Body, bool TakesForm);

    private sealed record Answer(int Status, string Body, bool Refused);

    private static string? Judge(Caller caller, AuthorizationMatrix.Expectation expectation, Answer answer, MatrixWorld world)
    {
        if (answer.Status >= 500)
        {
            return $"server error {answer.Status}";
        }

        if (expectation.Entitled.Contains(caller))
        {
            return answer.Refused ? $"refused ({answer.Status}) but the matrix lets this caller in" : null;
        }

        if (world.Secrets.FirstOrDefault(s => answer.Body.Contains(s.Value, StringComparison.Ordinal)) is { Key: { } secret })
        {
            return $"answered {answer.Status} with {secret}";
        }

        if (expectation.Admitted?.Contains(caller) == true)
        {
            return answer.Refused ? $"refused ({answer.Status}) but the policy lets this caller list what it may see" : null;
        }

        if (caller == Caller.Anonymous && answer.Status != 401 && answer.Status != 302)
        {
            return $"expected 401 (or the sign-in page), got {answer.Status}";
        }

        return answer.Refused ? null : $"expected a refusal, got {answer.Status}";
    }

    private static async Task<Answer> Call(HttpClient client, Operation operation, AuthorizationMatrix.Expectation expectation, MatrixWorld world)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), Fill(operation.Path, world));
        request.Headers.Add("Idempotency-Key", $"matrice-{Guid.NewGuid():N}");
        if (operation.TakesForm)
        {
            var form = Uploads.Form(Uploads.Pdf(), "statuts.pdf", "statuts");
            form.Add(new StringContent(Report.ApprovedAccounts), "type");
            request.Content = form;
        }
        else if (operation.Body is not null)
        {
            request.Content = new StringContent(Body(operation.Body, expectation, world), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        return new Answer(status, await response.Content.ReadAsStringAsync(), status is 401 or 403 or 404);
    }

    private static async Task<Answer> Visit(CookieBrowser browser, Operation operation, AuthorizationMatrix.Expectation expectation, MatrixWorld world)
    {
        using var response = await browser.GetResponse(Fill(operation.Path + expectation.Query, world));
        var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
        var turnedAway = landed.StartsWith("/Account/Login", StringComparison.Ordinal) || landed.StartsWith("/Account/AccessDenied", StringComparison.Ordinal);
        var status = turnedAway && operation.Path != landed ? 302 : (int)response.StatusCode;
        return new Answer(status, await response.Content.ReadAsStringAsync(), status is 302 or 401 or 403 or 404);
    }

    /// <summary>The route with each parameter replaced by the seeded resource the segment before it names.</summary>
    private static string Fill(string path, MatrixWorld world) =>
        System.Text.RegularExpressions.Regex.Replace(path, "{([^}:]+)[^}]*}", match =>
        {
            var segment = path[..match.Index].TrimEnd('/').Split('/')[^1];
            var name = match.Groups[1].Value;
            var resource = name switch
            {
                "documentId" => "documents",
                "attachmentId" => "attachments",
                "assignmentId" => "expertise",
                _ when world.Ids.ContainsKey(name) => name,
                _ => segment,
            };
            return world.Ids.TryGetValue(resource, out var id) ? id : throw new InvalidOperationException($"no seeded resource for {match.Value} in {path}");
        });

    /// <summary>The table's body, or a well-formed body of <paramref name="type"/> naming the seeded resources, with a version nobody has read.</summary>
    private static string Body(Type type, AuthorizationMatrix.Expectation expectation, MatrixWorld world)
    {
        if (expectation.Body is { } declared)
        {
            return System.Text.RegularExpressions.Regex.Replace(declared, @"\$([a-z-]+)", match => match.Groups[1].Value switch
            {
                "stale" => StaleVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "lead" => world.Emails[Caller.LeadMember],
                var resource => world.Ids[resource],
            });
        }

        var body = InputFuzzer.Baseline(type, 0) ?? new JsonObject();
        if (body is JsonObject fields)
        {
            foreach (var (name, _) in fields.ToList())
            {
                fields[name] = name switch
                {
                    "expectedVersion" => StaleVersion,
                    "applicationId" => world.Ids["applications"],
                    "funderId" => world.Ids["funders"],
                    "organisationId" => world.Ids["organisations"],
                    "callId" => world.Ids["calls"],
                    _ => fields[name]?.DeepClone(),
                };
            }
        }

        return body.ToJsonString();
    }

    private List<Operation> Operations()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return [.. endpoints
            .SelectMany(endpoint =>
            {
                var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath;
                var methods = page is null ? endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"] : ["GET"];
                var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
                var takesForm = accepts?.ContentTypes.Contains("multipart/form-data") == true;
                var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                // Hangfire's dashboard is one catch-all route under /Admin that answers as the pages do: its home stands for it.
                var dashboard = path.StartsWith("/Admin/", StringComparison.Ordinal);
                return methods.Select(method => new Operation(
                    page is null ? $"{method} {path}" : $"PAGE {page}",
                    method,
                    page ?? (dashboard ? path.Replace("/{**path}", "", StringComparison.Ordinal) : path),
                    page is not null || dashboard,
                    takesForm ? null : accepts?.RequestType,
                    takesForm));
            })
            .DistinctBy(o => o.Key)
            .OrderBy(o => o.Method is "GET" ? 0 : o.Method is "DELETE" ? 2 : 1)
            .ThenBy(o => o.Key, StringComparer.Ordinal)];
    }
}
