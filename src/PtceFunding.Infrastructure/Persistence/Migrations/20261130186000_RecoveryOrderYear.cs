using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>The agreement year a recovery order claims back when a year's report is rejected.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130186000_RecoveryOrderYear")]
public sealed class RecoveryOrderYear : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddColumn<int>("Year", "RecoveryOrders", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("Year", "RecoveryOrders");
}
