using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Abstractions;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;
using PtceFunding.Infrastructure.Jobs;

namespace PtceFunding.IntegrationTests.Jobs;

/// <summary>
/// The recurring jobs administered through the API, against Hangfire's storage on PostgreSQL.
/// The test application processes no jobs (<c>Jobs:Enabled=false</c>): what an administrator
/// changes or queues is written to the shared database, which is what the processing nodes read.
/// </summary>
public sealed class JobAdministrationTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_platform_administrator_lists_the_recurring_jobs_with_their_schedule()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);

        var jobs = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");

        var delivery = Job(jobs, "DeliverNotifications");
        var heartbeat = Job(jobs, "Heartbeat");
        Assert.Equal("00:00:15", delivery.GetProperty("interval").GetString());
        Assert.Equal("00:01:00", heartbeat.GetProperty("interval").GetString());
        Assert.Equal("Normal", heartbeat.GetProperty("state").GetString());
        Assert.Contains("courriels", delivery.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, heartbeat.GetProperty("nextFireAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, heartbeat.GetProperty("dailyAt").ValueKind);
        var lifecycle = Job(jobs, "AgreementLifecycleSweep");
        Assert.Equal("1.00:00:00", lifecycle.GetProperty("interval").GetString());
        Assert.Equal("00:05:00", lifecycle.GetProperty("dailyAt").GetString());
    }

    [Fact]
    public void A_daily_job_is_due_at_its_time_of_day_in_Paris_summer_and_winter()
    {
        var timing = new JobTiming("AgreementLifecycleSweep", TimeSpan.FromDays(1), new TimeOnly(0, 5));

        Assert.Equal("5 0 * * *", timing.Cron);
        Assert.Equal("Europe/Paris", timing.TimeZone.Id);
        // 00:05 in Paris is 22:05 UTC the day before in summer (UTC+2), 23:05 in winter (UTC+1).
        Assert.Equal(new DateTime(2026, 7, 14, 22, 5, 0, DateTimeKind.Utc), timing.DueTimeAtOrBefore(new DateTime(2026, 7, 15, 8, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 12, 6, 23, 5, 0, DateTimeKind.Utc), timing.DueTimeAtOrBefore(new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 12, 5, 23, 5, 0, DateTimeKind.Utc), timing.DueTimeAtOrBefore(new DateTime(2026, 12, 6, 23, 4, 59, DateTimeKind.Utc)));
        Assert.Equal("*/15 * * * * *", new JobTiming("x", TimeSpan.FromSeconds(15), default).Cron);
        Assert.Equal("*/1 * * * *", new JobTiming("x", TimeSpan.FromMinutes(1), default).Cron);
        Assert.Equal("0 */1 * * *", new JobTiming("x", TimeSpan.FromHours(1), default).Cron);
        Assert.Equal(new DateTime(2026, 12, 7, 8, 14, 45, DateTimeKind.Utc), new JobTiming("x", TimeSpan.FromSeconds(15), default).DueTimeAtOrBefore(new DateTime(2026, 12, 7, 8, 14, 59, DateTimeKind.Utc)));
        var refused = Assert.Throws<InvalidOperationException>(() => new JobTiming("Heartbeat", TimeSpan.FromSeconds(90), default).Cron);
        Assert.Contains("Jobs:Schedules:Heartbeat:Interval", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_run_of_each_job_is_reported_with_its_node_and_error()
    {
        await app.Db(async db =>
        {
            db.JobRuns.Add(new() { JobName = "DeliverNotifications", ScheduledFireAt = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), StartedAt = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), FinishedAt = new DateTime(2026, 11, 22, 8, 0, 1, DateTimeKind.Utc), Node = "node-a:1", Succeeded = true, Outcome = "{}" });
            db.JobRuns.Add(new() { JobName = "DeliverNotifications", ScheduledFireAt = new DateTime(2026, 11, 22, 8, 0, 15, DateTimeKind.Utc), StartedAt = new DateTime(2026, 11, 22, 8, 0, 15, DateTimeKind.Utc), FinishedAt = new DateTime(2026, 11, 22, 8, 0, 16, DateTimeKind.Utc), Node = "node-b:2", Succeeded = false, Outcome = "Le serveur SMTP ne répond pas." });
            return await db.SaveChangesAsync();
        });
        var admin = await app.ClientFor(Roles.Administrator, null);

        var jobs = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");

        var last = Job(jobs, "DeliverNotifications").GetProperty("lastRun");
        Assert.Equal("node-b:2", last.GetProperty("node").GetString());
        Assert.False(last.GetProperty("succeeded").GetBoolean());
        Assert.Equal("Le serveur SMTP ne répond pas.", last.GetProperty("outcome").GetString());
        Assert.Equal(new DateTime(2026, 11, 22, 8, 0, 15, DateTimeKind.Utc), last.GetProperty("startedAt").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task Pausing_then_resuming_a_job_changes_its_state_and_is_audited()
    {
        var email = await app.AddUser(Roles.Administrator);
        var admin = await app.ClientFor(email);

        var paused = await admin.PostAsync("/api/admin/jobs/Heartbeat/pause", null);
        var whilePaused = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");
        var resumed = await admin.PostAsync("/api/admin/jobs/Heartbeat/resume", null);
        var afterwards = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");

        Assert.Equal(HttpStatusCode.NoContent, paused.StatusCode);
        Assert.Equal("Paused", Job(whilePaused, "Heartbeat").GetProperty("state").GetString());
        Assert.Equal("Normal", Job(whilePaused, "DeliverNotifications").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Equal("Normal", Job(afterwards, "Heartbeat").GetProperty("state").GetString());

        var entries = await app.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.ActorName == email && a.EntityType != PtceFunding.Infrastructure.Identity.SecurityEvents.EntityType).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["PauseJob", "ResumeJob"], entries.Select(e => e.Operation));
        Assert.Equal(["Paused", "Resumed"], entries.Select(e => e.Change));
        Assert.All(entries, e =>
        {
            Assert.Equal("RecurringJob", e.EntityType);
            Assert.Equal("Heartbeat", e.EntityId);
            Assert.NotNull(e.ActorId);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, e.OccurredAt);
            Assert.False(string.IsNullOrEmpty(e.CorrelationId));
        });
        var change = JsonDocument.Parse(entries[0].Changes).RootElement.GetProperty("State");
        Assert.Equal("Normal", change.GetProperty("before").GetString());
        Assert.Equal("Paused", change.GetProperty("after").GetString());
        Assert.Equal(paused.Headers.GetValues("X-Correlation-Id").Single(), entries[0].CorrelationId);
    }

    [Fact]
    public async Task A_pause_outlives_a_restart_of_the_node()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/jobs/DeliverNotifications/pause", null)).StatusCode);
        try
        {
            // A second application on the same database re-registers the declared jobs, as a redeployed node does.
            await using var restarted = app.WithWebHostBuilder(_ => { });
            var again = restarted.CreateClient();
            again.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

            var jobs = await again.GetFromJsonAsync<JsonElement>("/api/admin/jobs");

            Assert.Equal("Paused", Job(jobs, "DeliverNotifications").GetProperty("state").GetString());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/jobs/DeliverNotifications/resume", null)).StatusCode);
        }
    }

    [Fact]
    public async Task Triggering_a_job_queues_one_run_for_the_nodes_and_is_audited()
    {
        var email = await app.AddUser(Roles.Administrator);
        var admin = await app.ClientFor(email);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var before = monitoring.EnqueuedCount("default");

        var response = await admin.PostAsync("/api/admin/jobs/Heartbeat/trigger", null);

        // This node processes no jobs, so the run waits in the shared queue for a node that does.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before + 1, monitoring.EnqueuedCount("default"));
        var queued = monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Value.Job).ToList();
        Assert.Contains(queued, job => job.Method.Name == nameof(JobRunner.Run) && Equals(job.Args[0], "Heartbeat") && Equals(job.Args[1], JobTrigger.Administrator));
        var entry = await app.Db(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.ActorName == email && a.EntityType != PtceFunding.Infrastructure.Identity.SecurityEvents.EntityType));
        Assert.Equal(("TriggerJob", "RecurringJob", "Heartbeat", "Triggered"), (entry.Operation, entry.EntityType, entry.EntityId, entry.Change));
    }

    [Fact]
    public async Task A_paused_job_stands_aside_on_its_schedule_but_runs_when_an_administrator_asks()
    {
        var admin = await app.ClientFor(Roles.Administrator, null);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/jobs/PruneTokens/pause", null)).StatusCode);
        try
        {
            var runs = () => app.Db(db => db.JobRuns.CountAsync(r => r.JobName == "PruneTokens"));
            var before = await runs();

            await Run("PruneTokens", JobTrigger.Schedule);
            await Run("PruneTokens", JobTrigger.AfterCommit);
            var whilePaused = await runs();
            await Run("PruneTokens", JobTrigger.Administrator);

            Assert.Equal(before, whilePaused);
            Assert.Equal(before + 1, await runs());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/jobs/PruneTokens/resume", null)).StatusCode);
        }
    }

    [Fact]
    public async Task A_job_running_on_one_node_is_not_started_again_on_another()
    {
        var locks = app.Services.GetRequiredService<JobLocks>();
        var runs = () => app.Db(db => db.JobRuns.CountAsync(r => r.JobName == "Heartbeat"));
        var before = await runs();

        // Another node's run holds the job's lock (a PostgreSQL advisory lock, on a connection of its own).
        await using (var held = await new JobLocks(app.Services.GetRequiredService<PtceFunding.Infrastructure.Persistence.DatabaseOptions>()).TryTake("Heartbeat", CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.Null(await locks.TryTake("Heartbeat", CancellationToken.None));
            await Run("Heartbeat", JobTrigger.Schedule);
            Assert.Equal(before, await runs());
        }

        await Run("Heartbeat", JobTrigger.Schedule);
        Assert.Equal(before + 1, await runs());
    }

    [Fact]
    public async Task A_run_that_fails_as_a_whole_is_recorded_and_failed_for_Hangfire_to_retry()
    {
        await using var broken = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddScoped<ITokenStore, UnreachableTokenStore>()));
        await using var scope = broken.Services.CreateAsyncScope();

        var failure = await Assert.ThrowsAsync<JobFailedException>(() => scope.ServiceProvider.GetRequiredService<JobRunner>().Run("PruneTokens", JobTrigger.Administrator, null, CancellationToken.None));

        Assert.Equal("PruneTokens: La base des jetons ne répond pas.", failure.Message);
        var last = await app.Db(db => db.JobRuns.Where(r => r.JobName == "PruneTokens").OrderByDescending(r => r.Id).FirstAsync());
        Assert.False(last.Succeeded);
        Assert.Equal("La base des jetons ne répond pas.", last.Outcome);
        Assert.NotNull(last.FinishedAt);
        var retry = typeof(JobRunner).GetMethod(nameof(JobRunner.Run))!.GetCustomAttributes(typeof(AutomaticRetryAttribute), false).Cast<AutomaticRetryAttribute>().Single();
        Assert.Equal(3, retry.Attempts);
    }

    private sealed class UnreachableTokenStore : ITokenStore
    {
        public Task<long> Prune(DateTimeOffset before, CancellationToken cancellationToken) => throw new TimeoutException("La base des jetons ne répond pas.");
    }

    private async Task Run(string name, JobTrigger trigger)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobRunner>().Run(name, trigger, null, CancellationToken.None);
    }

    [Fact]
    public async Task An_unknown_job_is_not_found_and_nothing_is_audited()
    {
        var email = await app.AddUser(Roles.Administrator);
        var admin = await app.ClientFor(email);

        var triggered = await admin.PostAsync("/api/admin/jobs/Inexistante/trigger", null);
        var paused = await admin.PostAsync("/api/admin/jobs/heartbeat/pause", null);

        Assert.Equal(HttpStatusCode.NotFound, triggered.StatusCode);
        Assert.Equal("job.not_found", (await triggered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, paused.StatusCode);
        Assert.False(await app.Db(db => db.AuditEntries.AnyAsync(a => a.ActorName == email && a.EntityType != PtceFunding.Infrastructure.Identity.SecurityEvents.EntityType)));
    }

    [Fact]
    public async Task A_funder_administrator_is_refused_and_changes_nothing()
    {
        var funder = await app.AddFunder(FunderKind.Region, "53");
        var funderAdmin = await app.ClientFor(Roles.Administrator, funder);
        var platformAdmin = await app.ClientFor(Roles.Administrator, null);

        var listed = await funderAdmin.GetAsync("/api/admin/jobs");
        var paused = await funderAdmin.PostAsync("/api/admin/jobs/Heartbeat/pause", null);
        var triggered = await funderAdmin.PostAsync("/api/admin/jobs/Heartbeat/trigger", null);

        Assert.Equal(HttpStatusCode.Forbidden, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, paused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, triggered.StatusCode);
        Assert.Equal("Normal", Job(await platformAdmin.GetFromJsonAsync<JsonElement>("/api/admin/jobs"), "Heartbeat").GetProperty("state").GetString());
    }

    [Fact]
    public async Task On_the_page_an_administrator_pauses_and_resumes_a_job_with_the_form_buttons()
    {
        var email = await app.AddUser(Roles.Administrator);
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);

        var page = await browser.Get("/Admin/Jobs");
        var afterPause = await (await browser.Post("/Admin/Jobs?handler=Pause", new Dictionary<string, string> { ["name"] = "Heartbeat" })).Content.ReadAsStringAsync();
        var afterResume = await (await browser.Post("/Admin/Jobs?handler=Resume", new Dictionary<string, string> { ["name"] = "Heartbeat" })).Content.ReadAsStringAsync();

        Assert.Contains("data-job=\"Heartbeat\"", page, StringComparison.Ordinal);
        Assert.Contains("data-job=\"DeliverNotifications\"", page, StringComparison.Ordinal);
        Assert.Contains("La tâche « Heartbeat » est suspendue", afterPause, StringComparison.Ordinal);
        Assert.Contains("En pause", afterPause, StringComparison.Ordinal);
        Assert.Contains("La tâche « Heartbeat » a repris", afterResume, StringComparison.Ordinal);
        Assert.DoesNotContain("En pause", afterResume, StringComparison.Ordinal);
        Assert.Equal(["PauseJob", "ResumeJob"], await app.Db(db => db.AuditEntries.Where(a => a.ActorName == email && a.EntityType == "RecurringJob").OrderBy(a => a.Id).Select(a => a.Operation).ToListAsync()));
    }

    private static JsonElement Job(JsonElement jobs, string name) =>
        Assert.Single(jobs.EnumerateArray(), j => j.GetProperty("name").GetString() == name);
}
