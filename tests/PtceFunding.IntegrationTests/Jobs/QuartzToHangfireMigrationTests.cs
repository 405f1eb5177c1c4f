using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.IntegrationTests.Jobs;

/// <summary>
/// An installation that ran on Quartz, upgraded by the migrate step: the qrtz_* tables that Quartz's provisioning created
/// are dropped, the pauses they held carried over, and Hangfire's schema created — without which no node is ready.
/// </summary>
public sealed class QuartzToHangfireMigrationTests(QuartzToHangfireMigrationTests.App app) : IClassFixture<QuartzToHangfireMigrationTests.App>
{
    public sealed class App : PtceApp
    {
        protected override bool Migrated => false;
    }

    [Fact]
    public async Task The_migrate_step_drops_Quartz_keeps_its_pauses_and_creates_Hangfire_schema()
    {
        await app.Db(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync("20261207130000_OAuthServer");
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE qrtz_job_details (sched_name text, job_name text, job_group text, PRIMARY KEY (sched_name, job_name, job_group));
                CREATE TABLE qrtz_triggers (sched_name text, trigger_name text, trigger_group text, job_name text, job_group text, trigger_state text,
                  PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details);
                CREATE TABLE qrtz_locks (sched_name text, lock_name text);
                INSERT INTO qrtz_job_details VALUES ('PtceFunding', 'DeliverNotifications', 'ptce'), ('PtceFunding', 'Heartbeat', 'ptce'), ('PtceFunding-schema', 'Heartbeat', 'ptce');
                INSERT INTO qrtz_triggers VALUES ('PtceFunding', 'DeliverNotifications', 'ptce', 'DeliverNotifications', 'ptce', 'PAUSED'),
                  ('PtceFunding', 'Heartbeat', 'ptce', 'Heartbeat', 'ptce', 'WAITING'), ('PtceFunding-schema', 'Heartbeat', 'ptce', 'Heartbeat', 'ptce', 'PAUSED');
                """);
            return 0;
        });
        var client = app.CreateClient();

        // The EF migrations alone: Quartz is gone, Hangfire's tables are not there yet.
        await app.Db(async db =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });
        var quartzTables = await app.Db(db => db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz%'").ToListAsync());
        var pauses = await app.Db(db => db.PausedJobs.Select(p => p.Name).ToListAsync());
        var readyWithoutHangfire = await client.GetAsync("/health/ready");

        await app.Db(async db => (await Migrator.Migrate(db)).Count);
        var ready = await client.GetAsync("/health/ready");

        Assert.Empty(quartzTables);
        Assert.Equal(["DeliverNotifications"], pauses);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWithoutHangfire.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(await app.Db(db => db.Database.SqlQueryRaw<bool>("SELECT to_regclass('hangfire.job') IS NOT NULL AS \"Value\"").SingleAsync()));
    }
}
