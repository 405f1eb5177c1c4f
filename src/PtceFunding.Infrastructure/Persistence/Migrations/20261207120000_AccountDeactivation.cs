using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Staff accounts an administrator deactivated (docs/adr/0032): they cannot sign in, their sessions and tokens ended.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261207120000_AccountDeactivation")]
public sealed class AccountDeactivation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "DeactivatedAt", table: "AspNetUsers", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "DeactivatedAt", table: "AspNetUsers");
}
