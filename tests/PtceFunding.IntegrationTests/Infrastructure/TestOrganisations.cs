using System.Net.Http.Json;
using System.Text.Json;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Infrastructure;

/// <summary>Registers organisations through the API, as an applicant would, with sensible defaults (an ESS SCIC in Lyon).</summary>
public static class TestOrganisations
{
    /// <summary>Answers the organisation's id; <paramref name="client"/> defaults to a new applicant.</summary>
    public static async Task<Guid> RegisterOrganisation(
        this PtceApp app,
        string? siret = null,
        string? rna = null,
        string? name = null,
        LegalForm legalForm = LegalForm.Scic,
        bool isEss = true,
        string communeCode = "69382",
        string postalCode = "69002",
        HttpClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        client ??= await app.ClientFor(Roles.Applicant, null);
        var response = await client.PostAsJsonAsync("/api/organisations", new
        {
            name = name ?? $"Coopérative {siret ?? rna}",
            siret,
            rna,
            legalForm = legalForm.ToString(),
            isEss,
            street = "1 place Bellecour",
            postalCode,
            city = "Lyon",
            communeCode,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
