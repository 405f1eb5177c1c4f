using System.Net.Http.Json;
using System.Text.Json;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;
using PtceFunding.IntegrationTests.Applications;

namespace PtceFunding.IntegrationTests.Reviews;

/// <summary>
/// A submitted application of a Lyon consortium (routed to the DREETS and the Région 84, both funders
/// of the call), its lead member's user and a program officer of the DREETS.
/// </summary>
internal sealed class UnderReview
{
    private UnderReview(PtceApp app, Consortium consortium)
    {
        App = app;
        Consortium = consortium;
    }

    public PtceApp App { get; }

    public Consortium Consortium { get; }

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public string LeadEmail { get; private set; } = "";

    public HttpClient Lead { get; private set; } = null!;

    public string OfficerEmail { get; private set; } = "";

    public HttpClient Officer { get; private set; } = null!;

    public string Review => $"/api/reviews/applications/{Id}";

    public static async Task<UnderReview> Submitted(PtceApp app, string name = "SCIC Instruction")
    {
        app.Clock.Now = Consortium.Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation(name);
        var partnerId = await consortium.Organisation($"Association partenaire de {name}", LegalForm.Association);
        var (leadEmail, lead) = await consortium.VerifiedUserOf(leadId);
        var id = await consortium.CompleteDraft(lead, callId, leadId, partnerId);
        await consortium.AttachStatutes(id);
        var submitted = await lead.PostAsJsonAsync($"/api/applications/{id}/submit", new { expectedVersion = await Consortium.VersionOf(lead, id) });
        submitted.EnsureSuccessStatusCode();
        var officerEmail = await app.AddUser(Roles.ProgramOfficer, consortium.State);
        return new UnderReview(app, consortium)
        {
            Id = id,
            Reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!,
            LeadEmail = leadEmail,
            Lead = lead,
            OfficerEmail = officerEmail,
            Officer = await app.ClientFor(officerEmail),
        };
    }

    public async Task<JsonElement> ReviewView(HttpClient? officer = null) => await (officer ?? Officer).GetFromJsonAsync<JsonElement>(Review);

    public async Task<int> Version() => (await ReviewView()).GetProperty("application").GetProperty("version").GetInt32();

    /// <summary>Posts a review action with the current version merged into the body.</summary>
    public async Task<HttpResponseMessage> Act(string action, object? body = null, HttpClient? officer = null, int? expectedVersion = null)
    {
        var merged = new Dictionary<string, object?> { ["expectedVersion"] = expectedVersion ?? await Version() };
        if (body is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(body).EnumerateObject())
            {
                merged[property.Name] = property.Value;
            }
        }

        return await (officer ?? Officer).PostAsJsonAsync($"{Review}/{action}", merged);
    }

    public async Task Ensure(string action, object? body = null)
    {
        var response = await Act(action, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;
}
