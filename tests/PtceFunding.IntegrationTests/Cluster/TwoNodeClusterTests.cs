using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Notifications;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Notifications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Users;
using PtceFunding.Infrastructure.Persistence;
using PtceFunding.IntegrationTests.Agreements;
using PtceFunding.IntegrationTests.Committee;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Cluster;

/// <summary>
/// Two real processes of the application on one PostgreSQL, sharing Hangfire's storage, e-mail to a real SMTP
/// server: a burst of notifications and a recurring job run while one node is killed with SIGKILL; the
/// reminders sweep runs on both while nodes are killed and started again, cycle after cycle.
/// </summary>
public sealed class TwoNodeClusterTests(ITestOutputHelper output)
{
    private const int Burst = 160;

    [Fact]
    public async Task Every_notification_is_delivered_and_every_heartbeat_fires_once_when_a_node_is_killed()
    {
        var connectionString = await (await PostgresServer.Instance).CreateDatabase();
        await using var mail = new SmtpSink();
        await mail.Start();
        // A works alone on the first wave, then B joins; A dies while both are busy with the second.
        using var nodeA = Node.Start(connectionString, mail.Port);
        await nodeA.WaitUntilReady();
        await Enqueue(connectionString, Burst / 2, "first");
        using var nodeB = Node.Start(connectionString, mail.Port);
        await nodeB.WaitUntilReady();
        await Enqueue(connectionString, Burst / 2, "second");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var killedAt = DateTime.UtcNow;
        nodeA.Kill();
        output.WriteLine($"node A (pid {nodeA.ProcessId}) killed with SIGKILL at {killedAt:HH:mm:ss.fff}");

        await WaitUntil(async () => await Count(connectionString, n => n.Status == DeliveryStatus.Sent) == Burst, TimeSpan.FromSeconds(90), "every notification to be sent");
        await Task.Delay(TimeSpan.FromSeconds(6)); // heartbeats on the survivor after the take-over

        var received = mail.Messages();
        var perMessage = received.GroupBy(m => m.MessageId).ToList();
        var duplicates = perMessage.Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var runs = await JobRuns(connectionString);
        var heartbeats = runs.Where(r => r.JobName == "Heartbeat").ToList();
        var fires = heartbeats.GroupBy(r => r.ScheduledFireAt).ToList();
        var doubleFires = fires.Where(g => g.Count() > 1).ToList();
        var deliveries = runs.Where(r => r.JobName == "DeliverNotifications" && r.Succeeded == true).ToList();

        output.WriteLine($"notifications: {Burst} written, {received.Count} e-mails received, {perMessage.Count} distinct, {duplicates.Count} sent twice");
        output.WriteLine($"heartbeat: {heartbeats.Count} runs for {fires.Count} fire times, {doubleFires.Count} fired twice; " +
            string.Join(", ", heartbeats.GroupBy(r => r.Node).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"delivery job: {deliveries.Count} runs; " + string.Join(", ", deliveries.GroupBy(r => r.Node).Select(g => $"{g.Key}: {g.Count()} runs")));
        output.WriteLine($"heartbeats on the survivor after the kill: {heartbeats.Count(r => r.StartedAt > killedAt)}");
        var sentAt = await SentTimes(connectionString);
        output.WriteLine($"all sent {(sentAt.Max() - killedAt).TotalSeconds:0.0} s after the kill; retried: {string.Join("; ", await Retried(connectionString))}");

        // SMTP has no idempotent delivery: a node killed after the server accepted a message and
        // before it recorded the fact can only be followed by a second send of that one message,
        // with the same Message-ID, which mail servers and clients collapse (docs/adr/0014).

        Assert.Equal(Burst, perMessage.Count);
        Assert.True(duplicates.Count <= 1, $"{duplicates.Count} messages were sent twice; only the one in flight when the node died may be");
        Assert.Empty(doubleFires);
        Assert.True(heartbeats.Count(r => r.StartedAt > killedAt.AddSeconds(1)) >= 3, "the recurring job goes on, on the survivor");
        Assert.Equal(2, deliveries.Concat(heartbeats).Select(r => r.Node).Distinct().Count());
        Assert.False(nodeB.HasExited, "the survivor keeps running");
    }

    /// <summary>
    /// Two nodes started at the same moment on a new database both declare the recurring jobs: Hangfire's AddOrUpdate
    /// under the job's lock leaves the due times as the first one wrote them, so each due time runs once.
    /// </summary>
    [Fact]
    public async Task Two_nodes_registering_the_jobs_at_the_same_moment_run_each_due_time_once()
    {
        var connectionString = await (await PostgresServer.Instance).CreateDatabase();
        await using var mail = new SmtpSink();
        await mail.Start();
        using var nodeA = Node.Start(connectionString, mail.Port);
        using var nodeB = Node.Start(connectionString, mail.Port);
        await Task.WhenAll(nodeA.WaitUntilReady(), nodeB.WaitUntilReady());
        var from = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(8));
        nodeA.Kill();
        nodeB.Kill();

        var heartbeats = (await JobRuns(connectionString)).Where(r => r.JobName == "Heartbeat").ToList();
        var fires = heartbeats.GroupBy(r => r.ScheduledFireAt).ToList();
        output.WriteLine($"heartbeat every second: {heartbeats.Count} runs for {fires.Count} due times in {(DateTime.UtcNow - from).TotalSeconds:0} s, " +
            string.Join(", ", heartbeats.GroupBy(r => r.Node).Select(g => $"{g.Key}: {g.Count()}")));

        Assert.Empty(fires.Where(g => g.Count() > 1).Select(g => $"{g.Key:HH:mm:ss} ×{g.Count()}"));
        Assert.True(fires.Count(g => g.Key >= from) >= 6, $"{fires.Count} due times ran");
        Assert.All(heartbeats, r => Assert.Equal(0, r.ScheduledFireAt.Ticks % TimeSpan.TicksPerSecond)); // due times of the schedule, not start times
    }

    /// <summary>
    /// Issue 7: the reminders sweep runs every second on both nodes while, cycle after cycle, report obligations come due
    /// (their due dates are moved relative to today, as the processes run on the real clock) and a node is killed with
    /// SIGKILL and started again. Every reminder is written once and sent once, with the guarantee of docs/adr/0014:
    /// at most the single message in flight at each kill is sent again, with the same Message-ID.
    /// </summary>
    [Fact]
    public async Task Every_reminder_is_written_once_and_sent_once_while_nodes_are_killed_cycle_after_cycle()
    {
        var app = new CommitteeApp();
        await app.InitializeAsync();
        try
        {
            await Reminders(app);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private async Task Reminders(CommitteeApp app)
    {
        // A signed agreement of two funders (per year an activity and a financial report, and the final report), the
        // e-mails of its setup delivered in process: the nodes have only the reminders to send.
        var agreement = await new AgreementSetup(app).Signed(state: 40_000m, region: 20_000m);
        while ((await app.DeliverNotifications()).Claimed > 0)
        {
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var connectionString = app.ConnectionString;
        var obligations = await Obligations(connectionString, new AgreementId(agreement.Id));
        var before = await NotificationIds(connectionString);
        Assert.Equal(before.Count, await Count(connectionString, n => n.Status == DeliveryStatus.Sent));
        await AwayFromParisMidnight();
        var today = ParisToday();

        await using var mail = new SmtpSink();
        await mail.Start();
        var settings = new Dictionary<string, string> { ["Jobs__Schedules__SweepReminders__Interval"] = "00:00:01" };
        AppProcess[] nodes = [Node.Start(connectionString, mail.Port, settings), Node.Start(connectionString, mail.Port, settings)];
        Task[] ready = [.. nodes.Select(n => n.WaitUntilReady())];
        try
        {
            await Task.WhenAll(ready);
            var expected = new List<string>();
            for (var cycle = 1; cycle <= Cycles; cycle++)
            {
                // New due dates; once a sweep has written their reminders, a node is killed while they are being
                // delivered (the one holding some, when it can be seen) and started again. The next cycle does not
                // wait for it: the survivor may be the next one killed, leaving no node until the new one is up.
                var due = await ComeDue(connectionString, obligations, today, cycle);
                expected.AddRange(due);
                await WaitUntil(async () => (await Written(connectionString, due)).Count > 0, TimeSpan.FromSeconds(30), $"the sweep of cycle {cycle}");
                if (!ready.Any(r => r.IsCompleted))
                {
                    await Task.WhenAny(ready);
                }

                await Eventually(async () => (await Claims(connectionString, due)).Count > 0 || (await Progress(connectionString, due)).Sent > 0, TimeSpan.FromSeconds(5));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 300)));

                var claims = await Claims(connectionString, due);
                var up = Enumerable.Range(0, nodes.Length).Where(i => ready[i].IsCompletedSuccessfully).ToList();
                Assert.NotEmpty(up);
                var victim = up.FirstOrDefault(i => claims.Contains(NodeName(nodes[i])), up.Contains(cycle % 2) ? cycle % 2 : up[0]);
                var (writtenAtKill, sentAtKill) = await Progress(connectionString, due);
                nodes[victim].Kill();
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s, cycle {cycle}: {due.Count} reminders due, {writtenAtKill} written, {sentAtKill} sent; " +
                    $"node {NodeName(nodes[victim])} killed with SIGKILL holding {claims.Count(c => c == NodeName(nodes[victim]))} of them, {up.Count} node(s) were up");
                nodes[victim].Dispose();
                nodes[victim] = Node.Start(connectionString, mail.Port, settings);
                ready[victim] = nodes[victim].WaitUntilReady();
                await WaitUntil(async () => (await Written(connectionString, due)).Count == due.Count, TimeSpan.FromSeconds(60), $"the reminders of cycle {cycle} to be written");
            }

            await Task.WhenAll(ready);
            Assert.Equal(today, ParisToday());
            await WaitUntil(async () => await Count(connectionString, n => n.Status != DeliveryStatus.Sent) == 0, TimeSpan.FromSeconds(60), "every reminder to be sent");
            await Task.Delay(TimeSpan.FromSeconds(1)); // a send recorded just before the SMTP sink wrote it down

            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: every reminder sent");
            var keys = await ReminderKeys(connectionString, "reminder:report:");
            var written = (await Sent(connectionString)).Where(n => !before.Contains(n.Id)).ToList();
            var received = mail.Messages();
            var perMessage = received.GroupBy(m => m.MessageId).ToList();
            var resent = received.Count - perMessage.Count;
            var sweeps = (await JobRuns(connectionString)).Where(r => r.JobName == "SweepReminders").ToList();
            output.WriteLine($"reminders: {expected.Count} expected over {Cycles} cycles, {keys.Count} report reminders written ({keys.Distinct().Count()} distinct keys), " +
                $"{written.Count} notifications written by the nodes");
            output.WriteLine($"e-mails: {received.Count} received, {perMessage.Count} distinct Message-IDs, {resent} sent again after {Cycles} kills: " +
                string.Join(", ", perMessage.Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}")));
            output.WriteLine($"sweeps: {sweeps.Count(r => r.Succeeded == true)} succeeded, {sweeps.Count(r => r.Succeeded == false)} failed, {sweeps.Count(r => r.Succeeded is null)} cut by a kill, " +
                $"on {sweeps.Where(r => r.Succeeded == true).Select(r => r.Node).Distinct().Count()} nodes; " +
                string.Join(", ", sweeps.Where(r => r.Succeeded == true).GroupBy(r => r.Node).Select(g => $"{g.Key}: {g.Count()}")));
            output.WriteLine($"retried: {string.Join("; ", await Retried(connectionString))}");

            Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
            Assert.Equal(written.Select(n => $"<{n.Id}@ptcefunding>").Order(StringComparer.Ordinal), perMessage.Select(g => g.Key).Order(StringComparer.Ordinal));
            Assert.True(resent <= Cycles, $"{resent} e-mails were sent again after {Cycles} kills; at most the one in flight at each kill may be");
            Assert.DoesNotContain(sweeps, r => r.Succeeded == false);
            Assert.True(sweeps.Where(r => r.Succeeded == true).Select(r => r.Node).Distinct().Count() >= 2, "the sweep runs on several nodes");
            Assert.All(nodes, node => Assert.False(node.HasExited, "the nodes started last keep running"));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    private const int Cycles = 6;

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>A report and the people its reminders go to: the lead member's verified users, and for escalations the program officers of its funders.</summary>
    private sealed record Obligation(ReportId Id, List<Guid> Leads, List<Guid> Officers);

    private static async Task<List<Obligation>> Obligations(string connectionString, AgreementId agreementId)
    {
        await using var db = Context(connectionString);
        var terms = (await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId).Select(a => a.Versions).SingleAsync())[^1];
        var funders = terms.Funders.Select(f => f.FunderId).ToHashSet();
        var officers = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.ProgramOfficer && user.FunderId != null
                select new { user.Id, FunderId = user.FunderId!.Value })
            .ToListAsync();
        var members = await db.OrganisationMemberships.AsNoTracking().Where(m => m.Status == MembershipStatus.Verified).Select(m => new { m.OrganisationId, m.UserId }).ToListAsync();
        var reports = await db.Reports.AsNoTracking().Where(r => r.AgreementId == agreementId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        Assert.True(reports.Count >= 3, $"{reports.Count} reports"); // per year an activity and a financial report, and the final one
        Assert.Equal(2, funders.Count);
        var leads = members.Where(m => m.OrganisationId == terms.LeadOrganisationId).Select(m => m.UserId).ToList();
        var escalated = officers.Where(o => funders.Contains(o.FunderId)).Select(o => o.Id).ToList();
        Assert.NotEmpty(leads);
        Assert.NotEmpty(escalated);
        return [.. reports.Select(id => new Obligation(id, leads, escalated))];
    }

    /// <summary>
    /// Gives every report a new due date whose reminder step has come today (J-30, J-7, J0 or J+15 in turn, shifted by
    /// the cycle so that each cycle's due dates are new) and answers the keys of the reminders then due.
    /// </summary>
    private static async Task<List<string>> ComeDue(string connectionString, List<Obligation> obligations, DateOnly today, int cycle)
    {
        int[] steps = [-30, -7, 0, 15];
        var keys = new List<string>();
        await using var db = Context(connectionString);
        foreach (var (obligation, index) in obligations.Select((o, i) => (o, i)))
        {
            // The same step comes back every 4 cycles, a day further back (less than the 7 days between J-7 and J0: same step).
            var offset = steps[(index + cycle) % steps.Length];
            var dueOn = today.AddDays(-offset - ((cycle - 1) / steps.Length));
            await db.Reports.Where(r => r.Id == obligation.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.DueOn, dueOn));
            var step = string.Create(CultureInfo.InvariantCulture, $"J{(offset > 0 ? "+" : "")}{offset}@{dueOn:yyyy-MM-dd}");
            var recipients = offset >= 15 ? obligation.Leads.Concat(obligation.Officers) : obligation.Leads;
            keys.AddRange(recipients.Select(recipient => $"reminder:report:{obligation.Id}:{recipient}:{step}"));
        }

        return keys;
    }

    private static async Task<(int Written, int Sent)> Progress(string connectionString, List<string> keys)
    {
        await using var db = Context(connectionString);
        var rows = await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DeduplicationKey)).Select(n => n.Status).ToListAsync();
        return (rows.Count, rows.Count(s => s == DeliveryStatus.Sent));
    }

    /// <summary>The nodes holding unsent reminders among <paramref name="keys"/> (one entry per reminder claimed, lease running).</summary>
    private static async Task<List<string>> Claims(string connectionString, List<string> keys)
    {
        await using var db = Context(connectionString);
        var now = DateTime.UtcNow;
        return await db.Notifications.AsNoTracking()
            .Where(n => keys.Contains(n.DeduplicationKey) && n.Status == DeliveryStatus.Pending && n.ClaimedBy != null && n.ClaimedUntil > now)
            .Select(n => n.ClaimedBy!).ToListAsync();
    }

    /// <summary>The name a node records in claims and job runs (ClusterNode.Name).</summary>
    private static string NodeName(AppProcess node) => $"{Environment.MachineName}:{node.ProcessId}";

    private static async Task<List<string>> Written(string connectionString, List<string> keys)
    {
        await using var db = Context(connectionString);
        return await db.Notifications.Where(n => keys.Contains(n.DeduplicationKey)).Select(n => n.DeduplicationKey).ToListAsync();
    }

    private static async Task<List<string>> ReminderKeys(string connectionString, string prefix)
    {
        await using var db = Context(connectionString);
        return await db.Notifications.Where(n => n.DeduplicationKey.StartsWith(prefix)).Select(n => n.DeduplicationKey).ToListAsync();
    }

    private static async Task<HashSet<Guid>> NotificationIds(string connectionString)
    {
        await using var db = Context(connectionString);
        return [.. await db.Notifications.Select(n => n.Id).ToListAsync()];
    }

    private static async Task<List<Notification>> Sent(string connectionString)
    {
        await using var db = Context(connectionString);
        return await db.Notifications.AsNoTracking().Where(n => n.Status == DeliveryStatus.Sent).ToListAsync();
    }

    private static DateOnly ParisToday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);

    /// <summary>The expected steps count from today in Paris: a run is not started in the last minutes of a day there.</summary>
    private static async Task AwayFromParisMidnight()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris);
        var left = now.Date.AddDays(1) - now.DateTime;
        if (left < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(left + TimeSpan.FromSeconds(5));
        }
    }

    private static async Task Enqueue(string connectionString, int count, string wave)
    {
        await using var db = Context(connectionString);
        for (var i = 0; i < count; i++)
        {
            await db.Enqueue(
                new OutgoingNotification(
                    null,
                    $"grappe.{wave}.{i}@test.ptce.fr",
                    new Notices.AccountAlreadyExists { Name = $"Destinataire {i}", Link = "https://ptce.test/" },
                    NotificationChannels.Email,
                    $"cluster:{wave}:{i}"),
                DateTimeOffset.UtcNow,
                CancellationToken.None);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<int> Count(string connectionString, System.Linq.Expressions.Expression<Func<Notification, bool>> predicate)
    {
        await using var db = Context(connectionString);
        return await db.Notifications.CountAsync(predicate);
    }

    private static async Task<List<DateTime>> SentTimes(string connectionString)
    {
        await using var db = Context(connectionString);
        return await db.Notifications.Where(n => n.SentAt != null).Select(n => n.SentAt!.Value).ToListAsync();
    }

    private static async Task<List<string>> Retried(string connectionString)
    {
        await using var db = Context(connectionString);
        return await db.Notifications.Where(n => n.Attempts > 1).Select(n => n.Attempts + " attempts, last error: " + (n.LastError ?? "none")).ToListAsync();
    }

    private static async Task<List<Application.Jobs.JobRun>> JobRuns(string connectionString)
    {
        await using var db = Context(connectionString);
        return await db.JobRuns.AsNoTracking().ToListAsync();
    }

    private static PtceDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PtceDbContext>();
        options.UseConfiguredProvider(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        return new PtceDbContext(options.Options, TimeProvider.System, SystemUser.Instance, new OperationContext());
    }

    /// <summary>Waits for <paramref name="condition"/> at most <paramref name="timeout"/>, and goes on either way.</summary>
    private static async Task Eventually(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !await condition())
        {
            await Task.Delay(50);
        }
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(250);
        }
    }

    /// <summary>A node: the built application (src/PtceFunding.Web) as a server would run it.</summary>
    private static class Node
    {
        public static AppProcess Start(string connectionString, int smtpPort, IReadOnlyDictionary<string, string>? settings = null)
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
            var dll = Path.Combine(SmtpSink.RepositoryRoot(), "src", "PtceFunding.Web", "bin", configuration, "net10.0", "PtceFunding.Web.dll");
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = connectionString,
                ["Demo__Seed"] = "false",
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                ["Jobs__Enabled"] = "true",
                ["Jobs__PollingInterval"] = "00:00:00.500",
                ["Jobs__LockTimeout"] = "00:00:10",
                ["Jobs__Schedules__Heartbeat__Interval"] = "00:00:01",
                ["Jobs__Schedules__DeliverNotifications__Interval"] = "00:00:01",
                ["Notifications__BatchSize"] = "20",
                ["Notifications__ClaimLease"] = "00:00:05",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }

            return AppProcess.Start(dll, environment);
        }
    }
}
