using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>The reminder policy of each call (JSON, the default policy for existing calls) and the users' secret calendar feeds.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130182000_Reminders")]
public sealed class Reminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ReminderPolicy", "Calls", nullable: false, defaultValueSql: "'" + ReminderPolicy.DefaultJson + "'");
        migrationBuilder.CreateTable(
            name: "CalendarFeeds",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeeds", x => x.UserId);
                table.ForeignKey("FK_CalendarFeeds_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CalendarFeeds_TokenHash", "CalendarFeeds", "TokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CalendarFeeds");
        migrationBuilder.DropColumn("ReminderPolicy", "Calls");
    }
}
