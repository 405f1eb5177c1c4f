using System.Net.Http.Json;
using System.Text.Json;

namespace PtceFunding.IntegrationTests.Calls;

/// <summary>Request bodies for the call administration API, with sensible defaults.</summary>
internal static class CallBuilder
{
    public static object Details(
        IEnumerable<(Guid FunderId, decimal Envelope)> funders,
        string title = "AMI permanent PTCE",
        string mode = "Continuous",
        string opensOn = "2026-11-01",
        string? closesOn = null,
        string[]? categories = null,
        bool twoStage = false) => new
        {
            title,
            description = "Soutenir l'émergence et la consolidation des pôles territoriaux de coopération économique.",
            mode,
            opensOn,
            closesOn,
            timeZoneId = "Europe/Paris",
            isTwoStage = twoStage,
            categories = categories ?? ["PTCE émergent", "PTCE en consolidation"],
            funders = funders.Select(f => new { funderId = f.FunderId, envelope = f.Envelope }).ToArray(),
        };

    public static object Rules(
        int minimumMembers = 3,
        bool essRequired = true,
        string[]? legalForms = null,
        string[]? regions = null,
        decimal? maximumAmount = 100_000m,
        object[]? documents = null,
        object[]? indicators = null) => new
        {
            eligibility = new
            {
                essRequired,
                minimumMembers,
                allowedLegalForms = legalForms ?? ["Scic", "Association"],
                regionCodes = regions ?? ["84"],
                maximumAmount,
                maximumDurationYears = 3,
            },
            documents = documents ?? [new { code = "STATUTS", label = "Statuts du chef de file" }],
            indicators = indicators ?? [new { code = "EMPLOIS", label = "Emplois créés", unit = "ETP" }],
            grid = new object[]
            {
                new { code = "ANCRAGE", label = "Ancrage territorial", weight = 60m, scaleMax = 5 },
                new { code = "COOP", label = "Coopération", weight = 40m, scaleMax = 5 },
            },
        };

    /// <summary>A minimal rule set an application can meet without documents, indicators or members.</summary>
    public static object LenientRules() => Rules(minimumMembers: 1, essRequired: false, legalForms: [], regions: [], maximumAmount: null, documents: [], indicators: []);

    public static async Task<Guid> Programme(HttpClient admin, string? name = null)
    {
        var response = await admin.PostAsJsonAsync("/api/programmes", new { name = name ?? $"Programme {Guid.NewGuid():N}", description = "Programme national PTCE" });
        response.EnsureSuccessStatusCode();
        return await IdOf(response);
    }

    public static async Task<Guid> Call(HttpClient admin, object details, object? rules = null, bool publish = false)
    {
        var programme = await Programme(admin);
        var response = await admin.PostAsJsonAsync("/api/calls", new { programmeId = programme, details, rules = rules ?? Rules() });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = await IdOf(response);
        if (publish)
        {
            (await admin.PostAsync($"/api/calls/{id}/publish", null)).EnsureSuccessStatusCode();
        }

        return id;
    }

    public static async Task<JsonElement> Get(HttpClient admin, Guid id) => await admin.GetFromJsonAsync<JsonElement>($"/api/calls/{id}");

    public static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}
