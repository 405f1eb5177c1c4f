using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>
/// Hangfire replaces Quartz (docs/adr/0034): administrators' pauses become rows of ours, those Quartz held are carried
/// over, and the qrtz_* tables that Quartz's provisioning created on PostgreSQL are dropped (there were none on SQLite,
/// where Quartz kept everything in memory). Hangfire's own tables are created by the migrate step after the migrations.
/// </summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261208090000_HangfireReplacesQuartz")]
public sealed class HangfireReplacesQuartz : Migration
{
    private static readonly string[] QuartzTables =
    [
        "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks", "qrtz_simple_triggers",
        "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_triggers", "qrtz_job_details", "qrtz_calendars",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PausedJobs",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 100, nullable: false),
                PausedAt = table.Column<DateTime>(nullable: false),
                PausedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PausedJobs", x => x.Name));

        if (migrationBuilder.IsPostgres())
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF to_regclass('qrtz_triggers') IS NOT NULL THEN
                        INSERT INTO "PausedJobs" ("Name", "PausedAt", "PausedBy")
                        SELECT DISTINCT job_name, now() AT TIME ZONE 'UTC', NULL::uuid FROM qrtz_triggers
                        WHERE sched_name = 'PtceFunding' AND trigger_state = 'PAUSED';
                    END IF;
                END $$;
                """);
            foreach (var table in QuartzTables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table} CASCADE;");
            }
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PausedJobs");
}
