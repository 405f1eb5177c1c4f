using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NpgsqlTypes;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Territories;
using PtceFunding.Domain.Users;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Benchmarks;

/// <summary>
/// A million reporting obligations around a fixed "today": per region a State regional office (two program
/// officers) and one published call (default reminder policy); lead organisations with one verified user each;
/// one accepted application, its committee decision and its signed, running agreement per project; the reports
/// of every agreement (activity + financial per year, a final one), due from 2021 to 2031. The reference rows go
/// through the domain and EF, the volume through binary COPY with the JSON columns serialized as EF does.
/// Past reports are mostly approved, a few still pending or returned (overdue); recent ones partly submitted;
/// future ones pending — so that a sweep finds thousands of due steps, not a million.
/// </summary>
internal sealed class ReminderDataSet
{
    private const int AgreementsPerOrganisation = 5;

    public required int Agreements { get; init; }

    public required int Organisations { get; init; }

    public required long Reports { get; init; }

    public required IReadOnlyDictionary<ReportState, long> ReportsByState { get; init; }

    public required int Officers { get; init; }

    public static async Task<ReminderDataSet> Generate(
        PtceDbContext db, UserManager<AppUser> userManager, string connectionString, int agreements, DateOnly today)
    {
        var random = new Random(2031);
        var json = DataSet.Json;
        var setUp = new DateTimeOffset(2019, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var regions = FrenchRegion.All;

        // Funders and their program officers (the escalation's recipients): a State regional office per region.
        var offices = regions.ToDictionary(r => r.InseeCode, r => Funder.Create(FunderId.New(), $"DREETS {r.Name}", FunderKind.StateRegionalOffice, r.InseeCode).Value);
        db.Funders.AddRange(offices.Values);

        // One published call per region, funded by its State office, with the default reminder policy; one committee session, closed.
        var programme = Programme.Create(ProgrammeId.New(), "Programme PTCE", "", setUp);
        db.Programmes.Add(programme);
        var calls = new Dictionary<string, (Call Call, CommitteeSession Session)>();
        foreach (var region in regions)
        {
            var call = Call.Draft(
                CallId.New(),
                programme.Id,
                new CallDetails($"AMI PTCE {region.Name}", "Appel permanent", CallMode.Continuous, new DateOnly(2019, 6, 1), null, FrenchRegion.MetropolitanTimeZone, false, ["PTCE émergent"],
                    [new CallFunder(offices[region.InseeCode].Id, 100_000_000m)]),
                new CallRules(
                    new EligibilityRules(true, 1, [], [], 300_000m, 5),
                    [new RequiredDocument("statuts", "Statuts")],
                    [new IndicatorDefinition("emplois", "Emplois créés ou maintenus", "ETP"), new IndicatorDefinition("structures", "Structures accompagnées", "structures")],
                    [new ScoringCriterion("ancrage", "Ancrage territorial", 100m, 5)]),
                setUp).Value;
            Ensure(call.Publish(setUp));
            var session = CommitteeSession.Plan(CommitteeSessionId.New(), call, $"Comité {region.Name}", new DateOnly(2019, 10, 1), new DateOnly(2019, 11, 5), setUp).Value;
            Ensure(session.Open(setUp.AddMonths(5)));
            Ensure(session.Close(setUp.AddMonths(5).AddHours(4)));
            db.Calls.Add(call);
            db.CommitteeSessions.Add(session);
            calls[region.InseeCode] = (call, session);
        }

        await db.SaveChangesAsync();
        var officers = new Dictionary<string, AppUser[]>();
        foreach (var region in regions)
        {
            var office = offices[region.InseeCode];
            officers[region.InseeCode] = [.. Enumerable.Range(1, 2).Select(i => AppUser.New($"instruction{i}.{region.InseeCode}@bench.ptce.fr", $"Instructeur {i} {office.Name}", office.Id, setUp))];
            foreach (var officer in officers[region.InseeCode])
            {
                Ensure(await userManager.CreateAsync(officer));
                Ensure(await userManager.AddToRoleAsync(officer, Roles.ProgramOfficer));
            }
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Lead organisations (each leads several projects) in every region.
        var organisations = Math.Max(1, agreements / AgreementsPerOrganisation);
        var organisationIds = new Guid[organisations];
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Organisations" ("Id", "Name", "LegalForm", "IsEss", "Street", "PostalCode", "City", "CommuneCode", "DepartmentCode", "RegionCode", "RegisteredAt", "Version") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < organisations; i++)
            {
                organisationIds[i] = Guid.CreateVersion7();
                await writer.StartRowAsync();
                await writer.WriteAsync(organisationIds[i], NpgsqlDbType.Uuid);
                await writer.WriteAsync($"Pôle coopératif {i:000000}", NpgsqlDbType.Varchar);
                await writer.WriteAsync((int)LegalForm.Scic, NpgsqlDbType.Integer);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync("1 rue de la Coopération", NpgsqlDbType.Varchar);
                await writer.WriteAsync("00000", NpgsqlDbType.Varchar);
                await writer.WriteAsync("Ville", NpgsqlDbType.Varchar);
                await writer.WriteAsync("00000", NpgsqlDbType.Varchar);
                await writer.WriteAsync("00", NpgsqlDbType.Varchar);
                await writer.WriteAsync(RegionOf(i).InseeCode, NpgsqlDbType.Varchar);
                await writer.WriteAsync(setUp.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync();
        }

        // One verified applicant per lead organisation (account and membership through the domain and EF).
        var verifier = officers[regions[0].InseeCode][0].Id;
        var applicants = new Guid[organisations];
        for (var start = 0; start < organisations; start += 5_000)
        {
            for (var i = start; i < Math.Min(organisations, start + 5_000); i++)
            {
                var email = $"porteur.{i:000000}@bench.ptce.fr";
                var applicant = AppUser.New(email, $"Porteur {i:000000}", null, setUp);
                applicant.UserName = email;
                applicant.NormalizedUserName = email.ToUpperInvariant();
                applicant.NormalizedEmail = email.ToUpperInvariant();
                applicant.SecurityStamp = Guid.NewGuid().ToString("N");
                applicants[i] = applicant.Id;
                var membership = OrganisationMembership.Request(new OrganisationId(organisationIds[i]), applicant.Id, "Directrice de la structure.", setUp);
                Ensure(membership.Verify(verifier, setUp.AddDays(1)));
                db.Users.Add(applicant);
                db.OrganisationMemberships.Add(membership);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        // Projects: an accepted application, its decision and its agreement (signed, then running from its start).
        var first = new DateOnly(2020, 1, 1).DayNumber;
        var last = new DateOnly(2026, 6, 1).DayNumber;
        var projects = new Project[agreements];
        var references = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < agreements; i++)
        {
            var lead = random.Next(organisations);
            var start = DateOnly.FromDayNumber(random.Next(first, last + 1));
            var duration = random.Next(4, 6);
            var total = random.Next(5_000_000, 30_000_000) / 100m;
            var id = FundingApplicationId.New();
            var submittedAt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-random.Next(120, 240)).AddMinutes(random.Next(24 * 60));
            var reference = FundingApplication.ReceiptNumber(id, new DateTimeOffset(submittedAt, TimeSpan.Zero), FrenchRegion.MetropolitanTimeZone);
            if (!references.Add(reference))
            {
                i--;
                continue;
            }

            projects[i] = new Project(id, reference, new AgreementId(Guid.CreateVersion7()), Guid.CreateVersion7(), lead, RegionOf(lead).InseeCode,
                start, duration, random.Next(3) > 0, total, submittedAt, $"Pôle territorial {i:000000} — {RegionOf(lead).Name}");
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY "Applications" ("Id", "CallId", "Category", "Stage", "Status", "RulesVersion", "LeadOrganisationId", "RegionCode", "Title", "Description",
              "Territory", "Sectors", "StartDate", "DurationYears", "Members", "Plan", "RequestedAmounts", "Indicators", "CreatedBy", "CreatedAt",
              "Reference", "SubmittedAt", "SubmittedBy", "SessionId", "Version", "CorrectionItems", "ProposedAmounts",
              "TotalRequested", "MembersCount") FROM STDIN (FORMAT BINARY)
            """))
        {
            var plan = JsonSerializer.Serialize(FinancingPlan.Empty, json);
            foreach (var project in projects)
            {
                var (call, session) = calls[project.Region];
                var members = JsonSerializer.Serialize(new[] { new ConsortiumMember(new OrganisationId(organisationIds[project.Lead]), MemberRole.Founding, true, 100m) }, json);
                var requested = JsonSerializer.Serialize(new[] { new RequestedAmount(offices[project.Region].Id, project.Total) }, json);
                await writer.StartRowAsync();
                await writer.WriteAsync(project.ApplicationId.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(call.Id.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync("PTCE émergent", NpgsqlDbType.Varchar);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync((int)ApplicationStatus.Accepted, NpgsqlDbType.Integer);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(organisationIds[project.Lead], NpgsqlDbType.Uuid);
                await writer.WriteAsync(project.Region, NpgsqlDbType.Varchar);
                await writer.WriteAsync(project.Title, NpgsqlDbType.Varchar);
                await writer.WriteAsync("Mutualiser un atelier et une plateforme logistique entre structures de l'ESS.", NpgsqlDbType.Varchar);
                await writer.WriteAsync(RegionOf(project.Lead).Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync("""["Économie circulaire"]""", NpgsqlDbType.Text);
                await writer.WriteAsync(project.Start, NpgsqlDbType.Date);
                await writer.WriteAsync(project.Duration, NpgsqlDbType.Integer);
                await writer.WriteAsync(members, NpgsqlDbType.Text);
                await writer.WriteAsync(plan, NpgsqlDbType.Text);
                await writer.WriteAsync(requested, NpgsqlDbType.Text);
                await writer.WriteAsync("[]", NpgsqlDbType.Text);
                await writer.WriteAsync(applicants[project.Lead], NpgsqlDbType.Uuid);
                await writer.WriteAsync(project.SubmittedAt.AddDays(-10), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(project.Reference, NpgsqlDbType.Varchar);
                await writer.WriteAsync(project.SubmittedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(applicants[project.Lead], NpgsqlDbType.Uuid);
                await writer.WriteAsync(session.Id.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(8, NpgsqlDbType.Integer);
                await writer.WriteAsync("[]", NpgsqlDbType.Text);
                await writer.WriteAsync(requested, NpgsqlDbType.Text);
                await writer.WriteAsync(project.Total, NpgsqlDbType.Numeric);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY "CommitteeDecisions" ("Id", "ApplicationId", "SessionId", "Outcome", "Amounts", "DurationYears", "Rationale", "RecordedBy", "RecordedAt")
              FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var project in projects)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(project.DecisionId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(project.ApplicationId.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(calls[project.Region].Session.Id.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(JsonSerializer.Serialize(new[] { new RequestedAmount(offices[project.Region].Id, project.Total) }, json), NpgsqlDbType.Text);
                await writer.WriteAsync(project.Duration, NpgsqlDbType.Integer);
                await writer.WriteAsync("Retenu à l'unanimité.", NpgsqlDbType.Varchar);
                await writer.WriteAsync(verifier, NpgsqlDbType.Uuid);
                await writer.WriteAsync(setUp.UtcDateTime.AddMonths(5), NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY "Agreements" ("Id", "DecisionId", "ApplicationId", "CallId", "Status", "Title", "Description", "StartDate", "AnniversaryYears",
              "ReportDueAfterMonths", "PaymentTerms", "Members", "Objectives", "Signatures", "Versions", "DraftedBy", "DraftedAt", "SignedAt",
              "ActivatedAt", "Version", "LegalCommitments", "LeadOrganisationId") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var project in projects)
            {
                var office = offices[project.Region].Id;
                var years = project.Years.Count;
                var yearly = Enumerable.Range(0, years).Select(y => y < years - 1 ? Math.Round(project.Total / years, 2) : project.Total - (Math.Round(project.Total / years, 2) * (years - 1))).ToList();
                var lead = new OrganisationId(organisationIds[project.Lead]);
                var signedAt = project.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-random.Next(10, 60));
                var officer = officers[project.Region][0].Id;
                await writer.StartRowAsync();
                await writer.WriteAsync(project.AgreementId.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(project.DecisionId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(project.ApplicationId.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(calls[project.Region].Call.Id.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync((int)AgreementStatus.Active, NpgsqlDbType.Integer);
                await writer.WriteAsync(project.Title, NpgsqlDbType.Varchar);
                await writer.WriteAsync("Mutualiser un atelier et une plateforme logistique entre structures de l'ESS.", NpgsqlDbType.Varchar);
                await writer.WriteAsync(project.Start, NpgsqlDbType.Date);
                await writer.WriteAsync(project.Anniversary, NpgsqlDbType.Boolean);
                await writer.WriteAsync(AgreementSettings.DefaultReportDueAfterMonths, NpgsqlDbType.Integer);
                await writer.WriteAsync(JsonSerializer.Serialize(new PaymentTerms(AgreementSettings.DefaultAdvancePercentage), json), NpgsqlDbType.Text);
                await writer.WriteAsync(JsonSerializer.Serialize(new[] { new AgreementMember(lead, MemberRole.Founding, 100m) }, json), NpgsqlDbType.Text);
                await writer.WriteAsync(JsonSerializer.Serialize(Objectives(project.Duration), json), NpgsqlDbType.Text);
                await writer.WriteAsync(JsonSerializer.Serialize(new[]
                {
                    new AgreementSignature(SignatoryKind.Funder, office, officer, signedAt.AddDays(-5)),
                    new AgreementSignature(SignatoryKind.LeadMember, null, applicants[project.Lead], signedAt),
                }, json), NpgsqlDbType.Text);
                await writer.WriteAsync(JsonSerializer.Serialize(new[]
                {
                    new AgreementVersion(0, AmendmentKind.Initial, project.Start, null, [new FunderCommitment(office, project.Total, yearly)], project.Duration, lead, signedAt.AddDays(-20)),
                }, json), NpgsqlDbType.Text);
                await writer.WriteAsync(officer, NpgsqlDbType.Uuid);
                await writer.WriteAsync(signedAt.AddDays(-20), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(signedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(project.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(3, NpgsqlDbType.Integer);
                await writer.WriteAsync(JsonSerializer.Serialize(new[] { new LegalCommitment(office, $"EJ{random.Next(100_000_000, 999_999_999)}", officer, signedAt.AddDays(2)) }, json), NpgsqlDbType.Text);
                await writer.WriteAsync(lead.Value, NpgsqlDbType.Uuid);
            }

            await writer.CompleteAsync();
        }

        // The reports: as Report.For lays them out, in the state a platform running for years would show.
        var byState = new Dictionary<ReportState, long>();
        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY "Reports" ("Id", "AgreementId", "Kind", "YearNumber", "PeriodStart", "PeriodEnd", "DueOn", "OriginalDueOn", "State", "Indicators",
              "RequiredAttachments", "Values", "Attachments", "Reviews", "SubmittedAt", "SubmittedBy", "Version") FROM STDIN (FORMAT BINARY)
            """))
        {
            var financial = JsonSerializer.Serialize(new[] { Report.ApprovedAccounts }, json);
            var final = JsonSerializer.Serialize(new[] { Report.FinalReportDocument }, json);
            foreach (var project in projects)
            {
                var objectives = Objectives(project.Duration);
                var officer = officers[project.Region][random.Next(2)].Id;
                foreach (var (kind, year, periodStart, periodEnd) in project.Obligations())
                {
                    var original = periodEnd.AddDays(1).AddMonths(AgreementSettings.DefaultReportDueAfterMonths).AddDays(-1);
                    var state = StateOf(random, original, periodEnd, today);
                    var due = state == ReportState.Returned ? original.AddDays(random.Next(30, 121)) : original;
                    byState[state] = byState.GetValueOrDefault(state) + 1;
                    var indicators = kind == ReportKind.Financial
                        ? []
                        : objectives.Select(o => new ReportIndicator(o.IndicatorCode, o.Baseline, year is { } y ? o.YearlyTargets[Math.Min(y, o.YearlyTargets.Count) - 1] : o.YearlyTargets[^1])).ToArray();
                    var filed = state is ReportState.Submitted or ReportState.Approved or ReportState.Returned or ReportState.Rejected;
                    var submittedAt = original.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddDays(-random.Next(0, 60));
                    var attachments = filed && kind != ReportKind.Activity
                        ? JsonSerializer.Serialize(new[]
                        {
                            new ReportAttachment(Guid.CreateVersion7(), kind == ReportKind.Financial ? Report.ApprovedAccounts : Report.FinalReportDocument, "document.pdf", "application/pdf",
                                random.Next(50_000, 2_000_000), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", $"reports/{Guid.NewGuid():N}", applicants[project.Lead], submittedAt),
                        }, json)
                        : "[]";
                    var reviews = state switch
                    {
                        ReportState.Approved => JsonSerializer.Serialize(new[] { new ReportReview(ReportState.Approved, null, null, officer, submittedAt.AddDays(random.Next(5, 40))) }, json),
                        ReportState.Returned => JsonSerializer.Serialize(new[] { new ReportReview(ReportState.Returned, "Merci de compléter les indicateurs et de joindre les comptes approuvés.", due, officer, submittedAt.AddDays(20)) }, json),
                        ReportState.Rejected => JsonSerializer.Serialize(new[] { new ReportReview(ReportState.Rejected, "Compte rendu non conforme.", null, officer, submittedAt.AddDays(30)) }, json),
                        _ => "[]",
                    };
                    await writer.StartRowAsync();
                    await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await writer.WriteAsync(project.AgreementId.Value, NpgsqlDbType.Uuid);
                    await writer.WriteAsync((int)kind, NpgsqlDbType.Integer);
                    if (year is { } number)
                    {
                        await writer.WriteAsync(number, NpgsqlDbType.Integer);
                    }
                    else
                    {
                        await writer.WriteNullAsync();
                    }

                    await writer.WriteAsync(periodStart, NpgsqlDbType.Date);
                    await writer.WriteAsync(periodEnd, NpgsqlDbType.Date);
                    await writer.WriteAsync(due, NpgsqlDbType.Date);
                    await writer.WriteAsync(original, NpgsqlDbType.Date);
                    await writer.WriteAsync((int)state, NpgsqlDbType.Integer);
                    await writer.WriteAsync(JsonSerializer.Serialize(indicators, json), NpgsqlDbType.Text);
                    await writer.WriteAsync(kind switch { ReportKind.Financial => financial, ReportKind.Final => final, _ => "[]" }, NpgsqlDbType.Text);
                    await writer.WriteAsync(filed && indicators.Length > 0 ? JsonSerializer.Serialize(indicators.Select(i => new IndicatorValue(i.Code, i.Target ?? i.Baseline)), json) : "[]", NpgsqlDbType.Text);
                    await writer.WriteAsync(attachments, NpgsqlDbType.Text);
                    await writer.WriteAsync(reviews, NpgsqlDbType.Text);
                    if (filed)
                    {
                        await writer.WriteAsync(submittedAt, NpgsqlDbType.TimestampTz);
                        await writer.WriteAsync(applicants[project.Lead], NpgsqlDbType.Uuid);
                    }
                    else
                    {
                        await writer.WriteNullAsync();
                        await writer.WriteNullAsync();
                    }

                    await writer.WriteAsync(filed ? 3 : 0, NpgsqlDbType.Integer);
                }
            }

            await writer.CompleteAsync();
        }

        // As autovacuum leaves a table that has settled: statistics, and the visibility map index-only scans need.
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }

        return new ReminderDataSet
        {
            Agreements = agreements,
            Organisations = organisations,
            Reports = byState.Values.Sum(),
            ReportsByState = byState,
            Officers = officers.Values.Sum(o => o.Length),
        };

        FrenchRegion RegionOf(int organisation) => regions[organisation % regions.Count];
    }

    /// <summary>
    /// Long past: approved (a few still pending, returned or rejected); the last quarter: approved, submitted, some
    /// pending or returned; to come: pending, a quarter already submitted once the period is over.
    /// </summary>
    private static ReportState StateOf(Random random, DateOnly dueOn, DateOnly periodEnd, DateOnly today)
    {
        var draw = random.Next(1000);
        if (dueOn >= today)
        {
            return periodEnd < today && draw < 250 ? ReportState.Submitted : ReportState.Pending;
        }

        if (dueOn >= today.AddDays(-90))
        {
            return draw switch { < 550 => ReportState.Approved, < 850 => ReportState.Submitted, < 950 => ReportState.Pending, _ => ReportState.Returned };
        }

        return draw switch { < 6 => ReportState.Pending, < 10 => ReportState.Returned, < 12 => ReportState.Rejected, _ => ReportState.Approved };
    }

    private static AgreementObjective[] Objectives(int duration) =>
    [
        new("emplois", 4m, [.. Enumerable.Range(1, duration).Select(y => 4m + (2m * y))]),
        new("structures", 6m, [.. Enumerable.Range(1, duration).Select(y => 6m + y)]),
    ];

    private static void Ensure(Domain.Common.Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error.Message);
        }
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed record Project(
        FundingApplicationId ApplicationId, string Reference, AgreementId AgreementId, Guid DecisionId, int Lead, string Region,
        DateOnly Start, int Duration, bool Anniversary, decimal Total, DateTime SubmittedAt, string Title)
    {
        public IReadOnlyList<AgreementYear> Years => AgreementYear.Sequence(Start, Duration, Anniversary);

        /// <summary>As <see cref="Agreement.ReportingObligations"/>: activity and financial per year, then the final report.</summary>
        public IEnumerable<(ReportKind Kind, int? Year, DateOnly PeriodStart, DateOnly PeriodEnd)> Obligations()
        {
            foreach (var year in Years)
            {
                yield return (ReportKind.Activity, year.Number, year.Start, year.End);
                yield return (ReportKind.Financial, year.Number, year.Start, year.End);
            }

            yield return (ReportKind.Final, null, Start, AgreementYear.EndOf(Start, Duration));
        }
    }
}
