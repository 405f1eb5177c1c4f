using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>The registry of organisations (consortium members), unique by SIRET and by RNA number.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261122110000_Organisations")]
public sealed class Organisations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Organisations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Siret = table.Column<string>(maxLength: 14, nullable: true),
                Rna = table.Column<string>(maxLength: 10, nullable: true),
                LegalForm = table.Column<int>(nullable: false),
                IsEss = table.Column<bool>(nullable: false),
                Street = table.Column<string>(maxLength: 300, nullable: false),
                PostalCode = table.Column<string>(maxLength: 5, nullable: false),
                City = table.Column<string>(maxLength: 100, nullable: false),
                CommuneCode = table.Column<string>(maxLength: 5, nullable: false),
                DepartmentCode = table.Column<string>(maxLength: 3, nullable: false),
                RegionCode = table.Column<string>(maxLength: 3, nullable: false),
                RegisteredAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Organisations", x => x.Id));

        migrationBuilder.CreateIndex("IX_Organisations_Siret", "Organisations", "Siret", unique: true);
        migrationBuilder.CreateIndex("IX_Organisations_Rna", "Organisations", "Rna", unique: true);
        migrationBuilder.CreateIndex("IX_Organisations_RegionCode", "Organisations", "RegionCode");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Organisations");
}
