using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Messages whose link is a credential are stored sealed and forgotten once sent (docs/adr/0032).</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261207110000_SensitiveNotifications")]
public sealed class SensitiveNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>("Sensitive", "Notifications", nullable: false, defaultValue: false);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("Sensitive", "Notifications");
}
