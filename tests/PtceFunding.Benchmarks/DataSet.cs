using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Territories;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Benchmarks;

/// <summary>An officer the benchmark acts as.</summary>
internal sealed record Officer(Guid UserId, FunderId FunderId, Territory Territory);

/// <summary>
/// Ten times the national volume: applications spread over the calls, sessions and regions, each with
/// its consortium of organisations. The few reference rows go through the domain and EF; the volume
/// (organisations, applications, routes) through PostgreSQL's binary COPY.
/// </summary>
internal sealed class DataSet
{
    /// <summary>The options of the JSON columns (Persistence/Converters.cs, JsonColumn), so that generated rows read back.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { Converters = { new JsonStringEnumConverter() } };

    private static readonly (ApplicationStatus Status, int Percent)[] StatusMix =
    [
        (ApplicationStatus.Submitted, 40), (ApplicationStatus.CorrectionsRequested, 10), (ApplicationStatus.Complete, 20), (ApplicationStatus.Eligible, 15),
        (ApplicationStatus.Ineligible, 5), (ApplicationStatus.Accepted, 5), (ApplicationStatus.Rejected, 5),
    ];

    public required Officer Regional { get; init; }

    public required Officer National { get; init; }

    /// <summary>The session with the most applications, which the scenarios filter on.</summary>
    public required CommitteeSessionId BusiestSession { get; init; }

    public static async Task<DataSet> Generate(PtceDbContext db, string connectionString, int applications, int membersPerApplication, int calls, int sessionsPerCall)
    {
        var random = new Random(2026);
        var now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var regions = FrenchRegion.All;

        // Funders: a State regional office and a Region per region, and the national State.
        var stateOffices = regions.ToDictionary(r => r.InseeCode, r => Funder.Create(FunderId.New(), $"DREETS {r.Name}", FunderKind.StateRegionalOffice, r.InseeCode).Value);
        var regionCouncils = regions.ToDictionary(r => r.InseeCode, r => Funder.Create(FunderId.New(), $"Région {r.Name}", FunderKind.Region, r.InseeCode).Value);
        var nationalState = Funder.Create(FunderId.New(), "État — DGEFP", FunderKind.StateNational, null).Value;
        db.Funders.AddRange([.. stateOffices.Values, .. regionCouncils.Values, nationalState]);

        // Officers: two per State regional office, one national; half of the files are taken by one of them.
        var officers = stateOffices.ToDictionary(
            f => f.Key,
            f => Enumerable.Range(1, 2).Select(i => AppUser.New($"instruction{i}.{f.Key}@bench.ptce.fr", $"Instructeur {i} {f.Value.Name}", f.Value.Id, now)).ToArray());
        var nationalOfficer = AppUser.New("instruction@bench.ptce.fr", "Instructrice nationale", nationalState.Id, now);
        db.Users.AddRange([.. officers.Values.SelectMany(o => o), nationalOfficer]);

        // Calls: every State office funds every call; each Region funds half of them.
        var programme = Programme.Create(ProgrammeId.New(), "Programme PTCE", "", now);
        db.Programmes.Add(programme);
        var callList = new List<(Call Call, CommitteeSession[] Sessions, HashSet<FunderId> Funders)>();
        for (var c = 0; c < calls; c++)
        {
            var callFunders = stateOffices.Values.Select(f => new CallFunder(f.Id, 10_000_000m))
                .Concat(regionCouncils.Values.Where((_, i) => (i + c) % 2 == 0).Select(f => new CallFunder(f.Id, 5_000_000m)))
                .ToList();
            var call = Call.Draft(
                CallId.New(),
                programme.Id,
                new CallDetails($"AMI PTCE {c + 1:00}", "Appel permanent", CallMode.Continuous, new DateOnly(2026, 1, 1), null, FrenchRegion.MetropolitanTimeZone, false, ["PTCE émergent"], callFunders),
                new CallRules(
                    new EligibilityRules(true, 2, [], [], 300_000m, 3),
                    [new RequiredDocument("statuts", "Statuts")],
                    [new IndicatorDefinition("emplois", "Emplois", "ETP")],
                    [new ScoringCriterion("ancrage", "Ancrage territorial", 100m, 5)]),
                now).Value;
            call.Publish(now);
            db.Calls.Add(call);
            var sessions = Enumerable.Range(0, sessionsPerCall)
                .Select(s => CommitteeSession.Plan(CommitteeSessionId.New(), call, $"Session {s + 1} — appel {c + 1:00}", new DateOnly(2026, 3, 31).AddMonths(3 * s), new DateOnly(2026, 4, 30).AddMonths(3 * s), now).Value)
                .ToArray();
            db.CommitteeSessions.AddRange(sessions);
            callList.Add((call, sessions, [.. callFunders.Select(f => f.FunderId)]));
        }

        await db.SaveChangesAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Organisations: each application has its own consortium, all members in the lead's region.
        var organisationIds = new Guid[applications * membersPerApplication];
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Organisations" ("Id", "Name", "LegalForm", "IsEss", "Street", "PostalCode", "City", "CommuneCode", "DepartmentCode", "RegionCode", "RegisteredAt", "Version") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < organisationIds.Length; i++)
            {
                var region = regions[i / membersPerApplication % regions.Count];
                organisationIds[i] = Guid.CreateVersion7();
                await writer.StartRowAsync();
                await writer.WriteAsync(organisationIds[i], NpgsqlDbType.Uuid);
                await writer.WriteAsync($"Structure coopérative {i:000000}", NpgsqlDbType.Varchar);
                await writer.WriteAsync((int)(i % membersPerApplication == 0 ? LegalForm.Scic : LegalForm.Association), NpgsqlDbType.Integer);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync("1 rue de la Coopération", NpgsqlDbType.Varchar);
                await writer.WriteAsync("00000", NpgsqlDbType.Varchar);
                await writer.WriteAsync("Ville", NpgsqlDbType.Varchar);
                await writer.WriteAsync("00000", NpgsqlDbType.Varchar);
                await writer.WriteAsync("00", NpgsqlDbType.Varchar);
                await writer.WriteAsync(region.InseeCode, NpgsqlDbType.Varchar);
                await writer.WriteAsync(now.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync();
        }

        var routes = new List<(Guid Application, Guid Funder)>(applications * 2);
        var perSession = new Dictionary<CommitteeSessionId, int>();
        var references = new HashSet<string>(StringComparer.Ordinal);
        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY "Applications" ("Id", "CallId", "Category", "Stage", "Status", "RulesVersion", "LeadOrganisationId", "RegionCode", "Title", "Description",
              "Territory", "Sectors", "StartDate", "DurationYears", "Members", "Plan", "RequestedAmounts", "Indicators", "CreatedBy", "CreatedAt",
              "Reference", "SubmittedAt", "SubmittedBy", "SessionId", "Version", "AssignedOfficerId", "CorrectionItems", "ProposedAmounts",
              "TotalRequested", "MembersCount") FROM STDIN (FORMAT BINARY)
            """))
        {
            var plan = JsonSerializer.Serialize(FinancingPlan.Empty, Json);
            for (var i = 0; i < applications; i++)
            {
                var region = regions[i % regions.Count];
                var (call, sessions, callFunders) = callList[random.Next(callList.Count)];
                var session = sessions[random.Next(sessions.Length)];
                perSession[session.Id] = perSession.GetValueOrDefault(session.Id) + 1;
                var id = FundingApplicationId.New();
                var submittedAt = new DateTimeOffset(2026, 1, 6, 8, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 365 * 24 * 60));
                var reference = FundingApplication.ReceiptNumber(id, submittedAt, call.TimeZoneId);
                if (!references.Add(reference))
                {
                    i--;
                    continue;
                }

                var members = Enumerable.Range(0, membersPerApplication)
                    .Select(m => new ConsortiumMember(new OrganisationId(organisationIds[(i * membersPerApplication) + m]), m == 0 ? MemberRole.Founding : MemberRole.Partner, m == 0, 100m / membersPerApplication))
                    .ToList();
                var state = stateOffices[region.InseeCode];
                var council = regionCouncils[region.InseeCode];
                var requested = new List<RequestedAmount> { new(state.Id, random.Next(20_000, 150_000)) };
                routes.Add((id.Value, state.Id.Value));
                if (callFunders.Contains(council.Id))
                {
                    requested.Add(new RequestedAmount(council.Id, random.Next(1_000_000, 10_000_000) / 100m));
                    routes.Add((id.Value, council.Id.Value));
                }

                var status = StatusOf(random.Next(100));
                var assigned = status != ApplicationStatus.Submitted || random.Next(2) == 0 ? officers[region.InseeCode][random.Next(2)].Id : (Guid?)null;
                await writer.StartRowAsync();
                await writer.WriteAsync(id.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(call.Id.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync("PTCE émergent", NpgsqlDbType.Varchar);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync((int)status, NpgsqlDbType.Integer);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(members[0].OrganisationId.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(region.InseeCode, NpgsqlDbType.Varchar);
                await writer.WriteAsync($"Pôle territorial {i:00000} — {region.Name}", NpgsqlDbType.Varchar);
                await writer.WriteAsync("Mutualiser un atelier et une plateforme logistique entre structures de l'ESS.", NpgsqlDbType.Varchar);
                await writer.WriteAsync(region.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync("""["Économie circulaire"]""", NpgsqlDbType.Text);
                await writer.WriteAsync(new DateOnly(2027, 1, 1), NpgsqlDbType.Date);
                await writer.WriteAsync(3, NpgsqlDbType.Integer);
                await writer.WriteAsync(JsonSerializer.Serialize(members, Json), NpgsqlDbType.Text);
                await writer.WriteAsync(plan, NpgsqlDbType.Text);
                await writer.WriteAsync(JsonSerializer.Serialize(requested, Json), NpgsqlDbType.Text);
                await writer.WriteAsync("[]", NpgsqlDbType.Text);
                await writer.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await writer.WriteAsync(submittedAt.UtcDateTime.AddDays(-10), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(reference, NpgsqlDbType.Varchar);
                await writer.WriteAsync(submittedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await writer.WriteAsync(session.Id.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(5, NpgsqlDbType.Integer);
                if (assigned is { } officerId)
                {
                    await writer.WriteAsync(officerId, NpgsqlDbType.Uuid);
                }
                else
                {
                    await writer.WriteNullAsync();
                }

                await writer.WriteAsync("[]", NpgsqlDbType.Text);
                await writer.WriteAsync("[]", NpgsqlDbType.Text);
                await writer.WriteAsync(requested.Sum(r => r.Amount), NpgsqlDbType.Numeric);
                await writer.WriteAsync(members.Count, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "ApplicationRoutes" ("ApplicationId", "FunderId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (application, funder) in routes)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(application, NpgsqlDbType.Uuid);
                await writer.WriteAsync(funder, NpgsqlDbType.Uuid);
            }

            await writer.CompleteAsync();
        }

        // As autovacuum leaves a table that has settled: statistics, and the visibility map index-only scans need.
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var auvergneRhoneAlpes = FrenchRegion.Find("84")!;
        return new DataSet
        {
            Regional = new Officer(officers["84"][0].Id, stateOffices["84"].Id, Territory.Region(auvergneRhoneAlpes)),
            National = new Officer(nationalOfficer.Id, nationalState.Id, Territory.National),
            BusiestSession = perSession.MaxBy(s => s.Value).Key,
        };
    }

    private static ApplicationStatus StatusOf(int percentile)
    {
        foreach (var (status, percent) in StatusMix)
        {
            if (percentile < percent)
            {
                return status;
            }

            percentile -= percent;
        }

        return ApplicationStatus.Submitted;
    }
}
