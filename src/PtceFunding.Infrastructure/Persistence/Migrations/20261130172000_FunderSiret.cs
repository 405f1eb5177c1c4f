using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>A funder's SIRET, published as <c>idAttribuant</c> in the open-data exports; unknown (null) for existing funders.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130172000_FunderSiret")]
public sealed class FunderSiret : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("Siret", "Funders", maxLength: 14, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("Siret", "Funders");
}
