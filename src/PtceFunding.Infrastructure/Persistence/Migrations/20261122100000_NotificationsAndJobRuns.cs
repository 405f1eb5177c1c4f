using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>The notification outbox and the record of recurring-job runs.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261122100000_NotificationsAndJobRuns")]
public sealed class NotificationsAndJobRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecipientUserId = table.Column<Guid>(nullable: true),
                RecipientEmail = table.Column<string>(maxLength: 256, nullable: false),
                Template = table.Column<string>(maxLength: 100, nullable: false),
                Subject = table.Column<string>(maxLength: 300, nullable: false),
                TextBody = table.Column<string>(nullable: false),
                HtmlBody = table.Column<string>(nullable: false),
                Channels = table.Column<int>(nullable: false),
                DeduplicationKey = table.Column<string>(maxLength: 300, nullable: false),
                Status = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                ReadAt = table.Column<DateTime>(nullable: true),
                ClaimedBy = table.Column<string>(maxLength: 200, nullable: true),
                ClaimedUntil = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Notifications", x => x.Id));

        migrationBuilder.CreateTable(
            name: "JobRuns",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                JobName = table.Column<string>(maxLength: 100, nullable: false),
                ScheduledFireAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                FinishedAt = table.Column<DateTime>(nullable: true),
                Node = table.Column<string>(maxLength: 200, nullable: false),
                Succeeded = table.Column<bool>(nullable: true),
                Outcome = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_JobRuns", x => x.Id));

        migrationBuilder.CreateIndex("IX_Notifications_DeduplicationKey", "Notifications", "DeduplicationKey", unique: true);
        migrationBuilder.CreateIndex("IX_Notifications_Status_NextAttemptAt", "Notifications", ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_Notifications_RecipientUserId_CreatedAt", "Notifications", ["RecipientUserId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_JobRuns_JobName_StartedAt", "JobRuns", ["JobName", "StartedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Notifications");
        migrationBuilder.DropTable("JobRuns");
    }
}
