using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Notifications;
using PtceFunding.Application.Reminders;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Notifications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Reminders;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Users;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Jobs;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Benchmarks;

/// <summary>
/// Issue 7: "the sweep over 1,000,000 obligations (generated) on PostgreSQL, next to the equivalent hand-written SQL
/// on the same data: the sweep takes at most twice as long as the SQL". Each iteration runs the real sweep (mediator,
/// system user, fixed clock), the same sweep as a Hangfire job (issue 13: queued, picked up by a Hangfire worker on
/// PostgreSQL storage, run by <see cref="JobRunner"/> with its lock, pause check and run record) and the same work as
/// one <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>, each starting from an outbox without reminders. Exit code: 0
/// when the medians of the sweep and of the job are at most twice the SQL's, 1 when not, 2 when they do not write the
/// same reminders.
/// </summary>
internal static class ReminderSweepBenchmark
{
    /// <summary>The benchmark's "today": 15 June 2026, 10:00 in Paris.</summary>
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 8, 0, 0, TimeSpan.Zero);

    private const string DeleteReminders = """DELETE FROM "Notifications" WHERE "DeduplicationKey" LIKE 'reminder:%'""";

    public static async Task<int> Run(string[] args)
    {
        var agreements = Option(args, "--agreements", 100_000);
        var iterations = Option(args, "--iterations", 5);
        var today = Now.Today();

        var connectionString = await BenchmarkHost.MigratedDatabase();
        await using var services = BenchmarkHost.Services(connectionString, SystemUser.Instance, new FixedClock(Now));

        Console.WriteLine($"Generating {agreements:N0} agreements and their reports…");
        var generation = Stopwatch.StartNew();
        ReminderDataSet data;
        await using (var scope = services.CreateAsyncScope())
        {
            data = await ReminderDataSet.Generate(
                scope.ServiceProvider.GetRequiredService<PtceDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), connectionString, agreements, today);
        }

        Console.WriteLine($"Generated in {generation.Elapsed.TotalSeconds:0} s: {data.Reports:N0} reports ({string.Join(", ", data.ReportsByState.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}"))}), "
            + $"{data.Organisations:N0} lead organisations with one verified user each, {data.Officers} program officers.");

        await using var source = NpgsqlDataSource.Create(connectionString);
        await Execute(source, DeleteReminders);

        // The check, once: both write the same reminders (same keys), then the timings, each from an outbox without reminders.
        var figures = await Sweep(services);
        var sweepKeys = await Keys(source);
        await Execute(source, DeleteReminders);
        var sqlCount = await RawSweep(source, today);
        var sqlKeys = await Keys(source);
        await Execute(source, DeleteReminders);
        Console.WriteLine($"Sweep: {figures.Reports:N0} reports pending, {figures.Written:N0} reminders written; SQL: {sqlCount:N0} reminders written.");
        if (!sweepKeys.SetEquals(sqlKeys) || figures.Written != sweepKeys.Count)
        {
            Console.Error.WriteLine($"The sweep and the SQL disagree: {sweepKeys.Except(sqlKeys).Count():N0} keys only from the sweep, {sqlKeys.Except(sweepKeys).Count():N0} only from the SQL, e.g.:");
            foreach (var key in sweepKeys.Except(sqlKeys).Take(5).Concat(sqlKeys.Except(sweepKeys).Take(5)))
            {
                Console.Error.WriteLine("  " + key);
            }

            return 2;
        }

        var steps = await StepsByOffset(source, today);
        using var worker = new BackgroundJobServer(
            new BackgroundJobServerOptions { ServerName = "benchmark", WorkerCount = 1, Activator = services.GetRequiredService<JobActivator>() },
            services.GetRequiredService<JobStorage>());
        var sweepTimes = new double[iterations];
        var jobTimes = new double[iterations];
        var sqlTimes = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            var written = (await Sweep(services)).Written;
            sweepTimes[i] = watch.Elapsed.TotalMilliseconds;
            await Execute(source, DeleteReminders);

            (jobTimes[i], var byJob) = await SweepAsJob(services, source);
            await Execute(source, DeleteReminders);

            watch.Restart();
            var inserted = await RawSweep(source, today);
            sqlTimes[i] = watch.Elapsed.TotalMilliseconds;
            await Execute(source, DeleteReminders);
            if (written != sweepKeys.Count || inserted != sweepKeys.Count || byJob != sweepKeys.Count)
            {
                Console.Error.WriteLine($"Iteration {i + 1}: the sweep wrote {written:N0}, the job {byJob:N0}, the SQL {inserted:N0}, instead of {sweepKeys.Count:N0}.");
                return 2;
            }

            Console.WriteLine($"Iteration {i + 1}: sweep {sweepTimes[i]:N0} ms, Hangfire job {jobTimes[i]:N0} ms, SQL {sqlTimes[i]:N0} ms");
        }

        Array.Sort(sweepTimes);
        Array.Sort(jobTimes);
        Array.Sort(sqlTimes);
        var (sweepMedian, jobMedian, sqlMedian) = (Median(sweepTimes), Median(jobTimes), Median(sqlTimes));
        var ratio = sweepMedian / sqlMedian;
        var jobRatio = jobMedian / sqlMedian;
        Console.WriteLine();
        Console.WriteLine($"Reports: {data.Reports:N0} over {data.Agreements:N0} agreements; pending or returned: {figures.Reports:N0}; due steps: {string.Join(", ", steps.Select(s => $"{ReminderPolicy.StepLabel(today, s.Key).Split('@')[0]} {s.Value:N0}"))}; reminders written: {sweepKeys.Count:N0}.");
        Console.WriteLine();
        Console.WriteLine("| Method | Median | Worst | Best |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(Invariant($"| Sweep (mediator, EF Core) | {sweepMedian:N0} ms | {sweepTimes[^1]:N0} ms | {sweepTimes[0]:N0} ms |"));
        Console.WriteLine(Invariant($"| Sweep as a Hangfire job (queued → run recorded) | {jobMedian:N0} ms | {jobTimes[^1]:N0} ms | {jobTimes[0]:N0} ms |"));
        Console.WriteLine(Invariant($"| Hand-written SQL (one INSERT … SELECT) | {sqlMedian:N0} ms | {sqlTimes[^1]:N0} ms | {sqlTimes[0]:N0} ms |"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"Ratio of the medians to the SQL's: sweep {ratio:0.00}, Hangfire job {jobRatio:0.00}. {Environment.ProcessorCount} cores, {CpuModel()}, .NET {Environment.Version}, PostgreSQL {await ServerVersion(source)}, load average {LoadAverage()}."));
        var met = ratio <= 2.0 && jobRatio <= 2.0;
        Console.WriteLine($"Target (issues 7 and 13): the sweep, run directly and as a Hangfire job, takes at most twice as long as the SQL (medians) — {(met ? "met" : "NOT met")}.");
        return met ? 0 : 1;
    }

    private static async Task<ReminderSweepFigures> Sweep(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SweepReminders());
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Message);
    }

    /// <summary>
    /// The sweep as the platform runs it (issue 13): queued to Hangfire, picked up by the worker, run by the job runner;
    /// timed from the queueing until its run is recorded as finished. Answers the time and the reminders written.
    /// </summary>
    private static async Task<(double Milliseconds, int Written)> SweepAsJob(IServiceProvider services, NpgsqlDataSource source)
    {
        var before = await Scalar<long>(source, """SELECT coalesce(max("Id"), 0) FROM "JobRuns" """);
        var watch = Stopwatch.StartNew();
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<JobRunner>(runner => runner.Run(RecurringJobs.SweepReminders, JobTrigger.Administrator, null, CancellationToken.None));
        while (await Scalar<long>(source, $"""SELECT count(*) FROM "JobRuns" WHERE "Id" > {before} AND "FinishedAt" IS NOT NULL""") == 0)
        {
            await Task.Delay(10);
        }

        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!await Scalar<bool>(source, $"""SELECT "Succeeded" FROM "JobRuns" WHERE "Id" > {before}"""))
        {
            throw new InvalidOperationException("The sweep run by Hangfire failed: see JobRuns.");
        }

        return (elapsed, (int)await Scalar<long>(source, """SELECT count(*) FROM "Notifications" WHERE "DeduplicationKey" LIKE 'reminder:%'"""));
    }

    private static async Task<T> Scalar<T>(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The sweep's work for the reports as one statement: the latest step of the default policy (J-30, J-7, J0, J+15)
    /// that has come for each pending or returned report, to the verified users of the agreement's lead member, and at
    /// J+15 also to the program officers of the agreement's current funders, under the sweep's keys. The text is
    /// simpler than the templates' but of the same size.
    /// </summary>
    private static async Task<int> RawSweep(NpgsqlDataSource source, DateOnly today)
    {
        const string Sql = """
            WITH due AS (
              SELECT r."Id", r."AgreementId", r."Kind", r."YearNumber", r."DueOn", a."Title", a."LeadOrganisationId", a."Versions",
                CASE WHEN r."DueOn" + 15 <= @today THEN 15 WHEN r."DueOn" <= @today THEN 0 WHEN r."DueOn" - 7 <= @today THEN -7 ELSE -30 END AS step
              FROM "Reports" r JOIN "Agreements" a ON a."Id" = r."AgreementId"
              WHERE r."State" IN (@pending, @returned) AND r."DueOn" <= @today + 30
            ),
            recipients AS (
              SELECT d.*, u."Id" AS "UserId", u."Email", u."DisplayName", CASE WHEN d.step > 0 THEN @overdue ELSE @upcoming END AS template
              FROM due d
              JOIN "OrganisationMemberships" m ON m."OrganisationId" = d."LeadOrganisationId" AND m."Status" = @verified
              JOIN "AspNetUsers" u ON u."Id" = m."UserId" AND u."Email" IS NOT NULL
              UNION ALL
              SELECT d.*, u."Id", u."Email", u."DisplayName", @escalation
              FROM due d
              CROSS JOIN LATERAL jsonb_array_elements((d."Versions"::jsonb -> -1) -> 'Funders') f
              JOIN "AspNetUsers" u ON u."FunderId" = (f -> 'FunderId' ->> 'Value')::uuid AND u."Email" IS NOT NULL
              JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id"
              JOIN "AspNetRoles" ro ON ro."Id" = ur."RoleId" AND ro."Name" = @officerRole
              WHERE d.step >= 15
            ),
            texts AS (
              SELECT r.*,
                CASE r."Kind" WHEN 0 THEN 'compte rendu d''activité de l''année ' || r."YearNumber" WHEN 1 THEN 'compte rendu financier de l''année ' || r."YearNumber" ELSE 'bilan final' END AS label,
                to_char(r."DueOn", 'DD/MM/YYYY') AS due_text,
                @site || 'Conventions/Convention?id=' || r."AgreementId" AS link
              FROM recipients r
            )
            INSERT INTO "Notifications" ("Id", "RecipientUserId", "RecipientEmail", "Template", "Subject", "TextBody", "HtmlBody", "Channels",
              "DeduplicationKey", "Status", "Attempts", "NextAttemptAt", "CreatedAt", "Version")
            SELECT gen_random_uuid(), t."UserId", t."Email", t.template,
              CASE WHEN t.step > 0 THEN 'Échéance dépassée : ' || t.label || ' attendu le ' || t.due_text ELSE 'Rappel : ' || t.label || ' à déposer avant le ' || t.due_text END,
              'Bonjour ' || t."DisplayName" || E',\n\nLe ' || t.label || ' de la convention « ' || t."Title" || ' » est attendu le ' || t.due_text
                || E'.\n\nRenseignez les indicateurs et joignez les pièces demandées, puis déposez-le. Un compte rendu en retard suspend les versements de la convention.\n\nDéposer le compte rendu : '
                || t.link || E'\n\n-- \nPtceFunding — financement des pôles territoriaux de coopération économique',
              '<!DOCTYPE html><html lang="fr"><body><p>Bonjour ' || t."DisplayName" || ',</p><p>Le ' || t.label || ' de la convention « ' || t."Title" || ' » est attendu le ' || t.due_text
                || '.</p><p>Renseignez les indicateurs et joignez les pièces demandées, puis déposez-le. Un compte rendu en retard suspend les versements de la convention.</p><p><a href="'
                || t.link || '">Déposer le compte rendu</a></p><p>PtceFunding — financement des pôles territoriaux de coopération économique</p></body></html>',
              @channels,
              'reminder:report:' || t."Id" || ':' || t."UserId" || ':J' || CASE WHEN t.step > 0 THEN '+' ELSE '' END || t.step || '@' || to_char(t."DueOn", 'YYYY-MM-DD'),
              @deliveryPending, 0, @now, @now, 0
            FROM texts t
            ON CONFLICT ("DeduplicationKey") DO NOTHING
            """;
        await using var command = source.CreateCommand(Sql);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("pending", (int)ReportState.Pending);
        command.Parameters.AddWithValue("returned", (int)ReportState.Returned);
        command.Parameters.AddWithValue("verified", (int)MembershipStatus.Verified);
        command.Parameters.AddWithValue("officerRole", Roles.ProgramOfficer);
        command.Parameters.AddWithValue("upcoming", nameof(Notices.ReportDueReminder));
        command.Parameters.AddWithValue("overdue", nameof(Notices.ReportOverdueReminder));
        command.Parameters.AddWithValue("escalation", nameof(Notices.ReportOverdueEscalation));
        command.Parameters.AddWithValue("site", new PtceFunding.Web.Hosting.PublicSiteOptions().BaseUrl.AbsoluteUri);
        command.Parameters.AddWithValue("channels", (int)NotificationChannels.EmailAndInApp);
        command.Parameters.AddWithValue("deliveryPending", (int)DeliveryStatus.Pending);
        command.Parameters.AddWithValue("now", Now.UtcDateTime);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The reports with a due step, per step (for the report: how the candidates spread).</summary>
    private static async Task<SortedDictionary<int, int>> StepsByOffset(NpgsqlDataSource source, DateOnly today)
    {
        await using var command = source.CreateCommand("""
            SELECT CASE WHEN "DueOn" + 15 <= @today THEN 15 WHEN "DueOn" <= @today THEN 0 WHEN "DueOn" - 7 <= @today THEN -7 ELSE -30 END, count(*)
            FROM "Reports" WHERE "State" IN (@pending, @returned) AND "DueOn" <= @today + 30 GROUP BY 1
            """);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("pending", (int)ReportState.Pending);
        command.Parameters.AddWithValue("returned", (int)ReportState.Returned);
        var steps = new SortedDictionary<int, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps[reader.GetInt32(0)] = (int)reader.GetInt64(1);
        }

        return steps;
    }

    private static async Task<HashSet<string>> Keys(NpgsqlDataSource source)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var command = source.CreateCommand("""SELECT "DeduplicationKey" FROM "Notifications" WHERE "DeduplicationKey" LIKE 'reminder:%'""");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static async Task Execute(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ServerVersion(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand("SHOW server_version");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The benchmark's clock: always <see cref="Now"/>.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
