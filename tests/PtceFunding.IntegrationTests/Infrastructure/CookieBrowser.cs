using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace PtceFunding.IntegrationTests.Infrastructure;

/// <summary>Drives the pages like a browser without JavaScript: cookies, anti-forgery tokens, forms.</summary>
public sealed partial class CookieBrowser
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;
    private readonly HttpClient _direct;
    private readonly PtceApp _app;

    public CookieBrowser(PtceApp app)
    {
        _app = app;
        _client = app.CreateDefaultClient(app.ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler(_cookies));
        _direct = app.CreateDefaultClient(app.ClientOptions.BaseAddress, new CookieContainerHandler(_cookies));
    }

    /// <summary>A GET with this browser's cookies whose redirect is returned, not followed (e.g. to another application).</summary>
    public async Task<HttpResponseMessage> GetWithoutFollowing(string path) => await _direct.GetAsync(path);

    /// <summary>The Cookie header this browser sends, e.g. to copy its session elsewhere.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_client.BaseAddress!);

    public async Task<string> Get(string path) => await _client.GetStringAsync(path);

    public async Task<HttpResponseMessage> Post(string path, IDictionary<string, string> fields) => await Post(path, path, fields);

    /// <summary>Posts to <paramref name="action"/> a form of the page at <paramref name="page"/> (e.g. a named handler's).</summary>
    public async Task<HttpResponseMessage> Post(string page, string action, IDictionary<string, string> fields)
    {
        var form = await Get(page);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token))));
        return await _client.PostAsync(action, content);
    }

    /// <summary>Posts a form with a file, as a browser does for <c>enctype="multipart/form-data"</c>.</summary>
    public async Task<HttpResponseMessage> PostWithFile(string path, IDictionary<string, string> fields, string fileField, string fileName, byte[] bytes)
    {
        var form = await Get(path);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token))))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(bytes), fileField, fileName);
        return await _client.PostAsync(path, content);
    }

    public async Task<HttpResponseMessage> GetResponse(string path) => await _client.GetAsync(path);

    /// <summary>Any request, with the cookies of this browser.</summary>
    public async Task<HttpResponseMessage> Send(HttpRequestMessage request) => await _client.SendAsync(request);

    /// <summary>Signs in, giving the code of the authenticator application holding <paramref name="authenticatorKey"/> when the account asks for one.</summary>
    public async Task<string> Login(string email, string password, string authenticatorKey = PtceApp.AuthenticatorKey)
    {
        var response = await Post("/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (response.RequestMessage!.RequestUri!.AbsolutePath == "/Account/TwoFactor")
        {
            response = await Post(response.RequestMessage.RequestUri.PathAndQuery, new Dictionary<string, string> { ["Code"] = await _app.AuthenticatorCode(email, authenticatorKey) });
        }

        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
