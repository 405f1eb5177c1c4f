using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>
/// Organisations' bank details with their four-eyes approval; partial unique indexes (same SQL on both
/// providers) keep at most one approved and one pending entry per organisation.
/// </summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130171000_BankAccounts")]
public sealed class BankAccounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "BankAccounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                HolderName = table.Column<string>(maxLength: 70, nullable: false),
                Iban = table.Column<string>(maxLength: 34, nullable: false),
                Bic = table.Column<string>(maxLength: 11, nullable: false),
                Status = table.Column<int>(nullable: false),
                EnteredBy = table.Column<Guid>(nullable: false),
                EnteredAt = table.Column<DateTime>(nullable: false),
                ApprovedBy = table.Column<Guid>(nullable: true),
                ApprovedAt = table.Column<DateTime>(nullable: true),
                RejectedBy = table.Column<Guid>(nullable: true),
                RejectedAt = table.Column<DateTime>(nullable: true),
                RejectionReason = table.Column<string>(maxLength: 1000, nullable: true),
                SupersededAt = table.Column<DateTime>(nullable: true),
                SupersededBy = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BankAccounts", x => x.Id);
                table.ForeignKey("FK_BankAccounts_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_BankAccounts_OrganisationId_Pending", "BankAccounts", "OrganisationId", unique: true, filter: "\"Status\" = 0");
        migrationBuilder.CreateIndex("IX_BankAccounts_OrganisationId_Approved", "BankAccounts", "OrganisationId", unique: true, filter: "\"Status\" = 1");
        migrationBuilder.CreateIndex("IX_BankAccounts_OrganisationId_EnteredAt", "BankAccounts", ["OrganisationId", "EnteredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("BankAccounts");
}
