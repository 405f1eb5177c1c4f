using System.Text.Json;

namespace PtceFunding.IntegrationTests.Infrastructure;

/// <summary>
/// Token requests to the OAuth 2 server (<c>/connect/token</c>) with the password grant that the test environment enables
/// (never production: docs/adr/0033), as the platform's tools client.
/// </summary>
public static class TokenRequests
{
    public const string Client = "ptce-outils";

    /// <summary>A password-grant request built from <paramref name="credentials"/>: <c>email</c>, <c>password</c>, and the optional <c>code</c> or <c>recoveryCode</c> of the second factor.</summary>
    public static async Task<HttpResponseMessage> PostToken(this HttpClient client, object credentials)
    {
        ArgumentNullException.ThrowIfNull(client);
        var fields = JsonSerializer.SerializeToElement(credentials, JsonSerializerOptions.Web).EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Null)
            .ToDictionary(p => p.Name, p => p.Value.ToString());
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = Client,
            ["scope"] = "api offline_access",
            ["username"] = fields.GetValueOrDefault("email") ?? "",
            ["password"] = fields.GetValueOrDefault("password") ?? "",
        };
        if (fields.TryGetValue("code", out var code))
        {
            form["mfa_code"] = code;
        }

        if (fields.TryGetValue("recoveryCode", out var recoveryCode))
        {
            form["recovery_code"] = recoveryCode;
        }

        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    /// <summary>The platform's error code of a refused token request (beside OAuth's <c>error</c>).</summary>
    public static async Task<string?> ErrorCode(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.TryGetProperty("error_code", out var code) ? code.GetString() : null;
    }
}
