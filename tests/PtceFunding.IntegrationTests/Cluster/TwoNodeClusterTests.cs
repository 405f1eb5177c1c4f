using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Notifications;
using PtceFunding.Domain.Notifications;
using PtceFunding.Infrastructure.Persistence;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Cluster;

/// <summary>
/// Two real processes of the application on one PostgreSQL, Quartz clustered, e-mail to a real SMTP
/// server: a burst of notifications and a recurring job run while one node is killed with SIGKILL.
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

    private static async Task Enqueue(string connectionString, int count, string wave)
    {
        await using var db = Context(connectionString);
        for (var i = 0; i < count; i++)
        {
            await db.Enqueue(
                new OutgoingNotification(
                    null,
                    $"grappe.{wave}.{i}@test.ptce.fr",
                    NotificationTemplates.PasswordReset,
                    new Dictionary<string, string> { ["name"] = $"Destinataire {i}", ["link"] = "https://ptce.test/" },
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
        public static AppProcess Start(string connectionString, int smtpPort)
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
            var dll = Path.Combine(SmtpSink.RepositoryRoot(), "src", "PtceFunding.Web", "bin", configuration, "net10.0", "PtceFunding.Web.dll");
            return AppProcess.Start(dll, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = connectionString,
                ["Demo__Seed"] = "false",
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                ["Jobs__Enabled"] = "true",
                ["Jobs__ClusterCheckinInterval"] = "00:00:01",
                ["Jobs__ClusterCheckinMisfireThreshold"] = "00:00:02",
                ["Jobs__Schedules__Heartbeat__Interval"] = "00:00:01",
                ["Jobs__Schedules__DeliverNotifications__Interval"] = "00:00:01",
                ["Notifications__BatchSize"] = "20",
                ["Notifications__ClaimLease"] = "00:00:05",
            });
        }
    }
}
