using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Territories;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Applications;

/// <summary>
/// Test data for applications: funders, a published call with its sessions (written through the
/// domain), organisations registered and verified through the API, and a draft that is complete
/// unless a test says otherwise.
/// </summary>
internal sealed class Consortium(PtceApp app)
{
    public const string Emerging = "PTCE émergent";

    public static readonly DateTimeOffset Today = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public Funder State { get; private set; } = null!;

    public Funder Region { get; private set; } = null!;

    public async Task<Consortium> WithFunders()
    {
        State = await app.AddFunder(FunderKind.StateRegionalOffice, "84", $"DREETS test {Guid.NewGuid():N}");
        Region = await app.AddFunder(FunderKind.Region, "84", $"Région test {Guid.NewGuid():N}");
        return this;
    }

    public static CallRules Rules(
        bool essRequired = true, int minimumMembers = 2, LegalForm[]? legalForms = null, string[]? regions = null, decimal? maximumAmount = 200_000m, int maximumDuration = 3) =>
        new(
            new EligibilityRules(essRequired, minimumMembers, legalForms ?? [], regions ?? [], maximumAmount, maximumDuration),
            [new RequiredDocument("statuts", "Statuts du chef de file")],
            [new IndicatorDefinition("emplois", "Emplois créés ou maintenus", "ETP")],
            [new ScoringCriterion("ancrage", "Ancrage territorial", 60m, 5), new ScoringCriterion("cooperation", "Coopération", 40m, 5)]);

    /// <summary>A published continuous call of the two funders, with sessions whose cut-offs are the given days.</summary>
    public async Task<CallId> PublishedCall(CallRules? rules = null, params DateOnly[] cutOffs)
    {
        var id = CallId.New();
        await app.Db(async db =>
        {
            var programme = Programme.Create(ProgrammeId.New(), "Programme PTCE", "", Today);
            db.Programmes.Add(programme);
            var call = Call.Draft(
                id,
                programme.Id,
                new CallDetails("AMI permanent PTCE", "Appel permanent", CallMode.Continuous, new DateOnly(2026, 1, 1), null, FrenchRegion.MetropolitanTimeZone, false,
                    [Emerging, "PTCE en consolidation"], [new CallFunder(State.Id, 1_000_000m), new CallFunder(Region.Id, 500_000m)]),
                rules ?? Rules(),
                Today).Value;
            call.Publish(Today);
            db.Calls.Add(call);
            foreach (var (cutOff, index) in cutOffs.Select((c, i) => (c, i)))
            {
                db.CommitteeSessions.Add(CommitteeSession.Plan(CommitteeSessionId.New(), call, $"Session {index + 1}", cutOff, cutOff.AddDays(20), Today).Value);
            }

            await db.SaveChangesAsync();
            return 0;
        });
        return id;
    }

    /// <summary>Registers an organisation in Lyon and returns its id.</summary>
    public Task<Guid> Organisation(string name, LegalForm legalForm = LegalForm.Scic, bool isEss = true, string communeCode = "69382", string postalCode = "69002") =>
        app.RegisterOrganisation(NewSiret(), name: name, legalForm: legalForm, isEss: isEss, communeCode: communeCode, postalCode: postalCode);

    /// <summary>A new applicant verified for the organisation by an officer of its region.</summary>
    public async Task<(string Email, HttpClient Client)> VerifiedUserOf(Guid organisationId, string region = "84")
    {
        var email = await app.AddUser(Roles.Applicant);
        var client = await app.ClientFor(email);
        var asked = await client.PostAsJsonAsync($"/api/organisations/{organisationId}/membership-requests", new { justification = "Mandat du conseil d'administration" });
        asked.EnsureSuccessStatusCode();
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var officer = await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, region));
        (await officer.PostAsJsonAsync($"/api/membership-requests/{requestId}/decision", new { approve = true })).EnsureSuccessStatusCode();
        return (email, client);
    }

    /// <summary>Starts a draft and fills every section so that it can be submitted (the statutes are attached by the caller when needed).</summary>
    /// <summary>The lead member's user of the draft made by <see cref="CompleteDraft(PtceApp, string)"/>, to sign in to the pages.</summary>
    public string LeadEmail { get; private set; } = "";

    /// <summary>A complete draft of a new consortium (named after <paramref name="name"/>) on a call published today, with its lead member's client.</summary>
    public static async Task<(Consortium Consortium, HttpClient Lead, Guid Id)> CompleteDraft(PtceApp app, string name)
    {
        app.Clock.Now = Today;
        var consortium = await new Consortium(app).WithFunders();
        var callId = await consortium.PublishedCall(null, new DateOnly(2027, 3, 31));
        var leadId = await consortium.Organisation($"SCIC {name}");
        var partnerId = await consortium.Organisation($"Association {name}", LegalForm.Association);
        (consortium.LeadEmail, var lead) = await consortium.VerifiedUserOf(leadId);
        return (consortium, lead, await consortium.CompleteDraft(lead, callId, leadId, partnerId));
    }

    public async Task<Guid> CompleteDraft(HttpClient lead, CallId callId, Guid leadId, Guid partnerId, int years = 2, decimal statePerYear = 30_000m, decimal regionPerYear = 20_000m)
    {
        var id = Guid.NewGuid();
        (await lead.PostAsJsonAsync("/api/applications", new { id, callId = callId.Value, category = Emerging, stage = 1, leadOrganisationId = leadId, title = "Pôle coopératif du Rhône" }))
            .EnsureSuccessStatusCode();
        var version = await Put(lead, id, "project", 0, new
        {
            title = "Pôle coopératif du Rhône",
            description = "Mutualiser un atelier et une plateforme logistique entre structures de l'ESS.",
            territory = "Métropole de Lyon",
            sectors = new[] { "Économie circulaire", "Alimentation" },
            startDate = "2027-01-01",
            durationYears = years,
        });
        version = await Put(lead, id, "consortium", version, new
        {
            members = new object[]
            {
                new { organisationId = leadId, role = "Founding", isLead = true, budgetShare = 60m },
                new { organisationId = partnerId, role = "Partner", isLead = false, budgetShare = 40m },
            },
        });
        version = await Put(lead, id, "financing", version, Plan(years, statePerYear, regionPerYear));
        await Put(lead, id, "indicators", version, new { indicators = new[] { new { code = "emplois", baseline = 4m, yearlyTargets = Enumerable.Range(1, years).Select(y => 4m + y).ToArray() } } });
        return id;
    }

    /// <summary>A plan where each year's expenses equal the State's and the Region's shares plus own revenue.</summary>
    public object Plan(int years, decimal statePerYear, decimal regionPerYear, decimal ownRevenue = 10_000m, decimal imbalanceInLastYear = 0m) => new
    {
        expenses = Enumerable.Range(1, years).SelectMany(y => new object[]
        {
            new { year = y, category = "Staff", amount = statePerYear + regionPerYear, label = "Coordination" },
            new { year = y, category = "ExternalServices", amount = ownRevenue + (y == years ? imbalanceInLastYear : 0m), label = "Prestations" },
        }).ToArray(),
        resources = Enumerable.Range(1, years).SelectMany(y => new object[]
        {
            new { year = y, source = "State", amount = statePerYear, funderId = State.Id.Value },
            new { year = y, source = "Region", amount = regionPerYear, funderId = Region.Id.Value },
            new { year = y, source = "OwnRevenue", amount = ownRevenue },
        }).ToArray(),
        requestedAmounts = new[]
        {
            new { funderId = State.Id.Value, amount = statePerYear * years },
            new { funderId = Region.Id.Value, amount = regionPerYear * years },
        },
    };

    public async Task AttachStatutes(Guid applicationId) =>
        await app.Db(async db =>
        {
            db.ApplicationDocuments.Add(Domain.Applications.ApplicationDocument.Attach(
                new Domain.Applications.FundingApplicationId(applicationId), "statuts", "statuts.pdf", "application/pdf", 1234, new string('a', 64), $"test/{Guid.NewGuid():N}", Guid.Empty, Today));
            await db.SaveChangesAsync();
            return 0;
        });

    public static async Task<int> Put(HttpClient client, Guid id, string section, int expectedVersion, object body)
    {
        var payload = JsonSerializer.SerializeToElement(body);
        var merged = new Dictionary<string, object?> { ["expectedVersion"] = expectedVersion };
        foreach (var property in payload.EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }

        var response = await client.PutAsJsonAsync($"/api/applications/{id}/{section}", merged);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"PUT {section}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }

    public static async Task<JsonElement> Get(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/applications/{id}");

    public static async Task<int> VersionOf(HttpClient client, Guid id) => (await Get(client, id)).GetProperty("version").GetInt32();

    /// <summary>A valid SIRET (Luhn key) that no other test uses.</summary>
    public static string NewSiret()
    {
        var digits = string.Concat(Enumerable.Range(0, 13).Select(_ => RandomNumberGenerator.GetInt32(10)));
        for (var check = 0; check < 10; check++)
        {
            var candidate = digits + check;
            if (Luhn(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
