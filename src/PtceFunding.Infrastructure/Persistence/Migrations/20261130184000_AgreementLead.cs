using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>
/// An agreement's current lead member as a column (it was read from the current version's JSON only), so that a new lead
/// member chosen by amendment finds the agreement in its list. Existing rows take their application's lead member.
/// </summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130184000_AgreementLead")]
public sealed class AgreementLead : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("LeadOrganisationId", "Agreements", nullable: false, defaultValue: Guid.Empty);
        migrationBuilder.Sql("""
            UPDATE "Agreements" SET "LeadOrganisationId" =
              (SELECT "LeadOrganisationId" FROM "Applications" WHERE "Applications"."Id" = "Agreements"."ApplicationId")
            """);
        migrationBuilder.CreateIndex("IX_Agreements_LeadOrganisationId", "Agreements", "LeadOrganisationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Agreements_LeadOrganisationId", "Agreements");
        migrationBuilder.DropColumn("LeadOrganisationId", "Agreements");
    }
}
