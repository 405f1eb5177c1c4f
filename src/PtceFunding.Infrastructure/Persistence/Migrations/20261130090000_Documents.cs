using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>
/// One file per required document of an application; the supporting document of a membership
/// request (docs/adr/0015: metadata here, bytes in the file store).
/// </summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130090000_Documents")]
public sealed class Documents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ApplicationDocuments_ApplicationId", "ApplicationDocuments");
        migrationBuilder.CreateIndex(
            "IX_ApplicationDocuments_ApplicationId_RequiredDocumentCode", "ApplicationDocuments", ["ApplicationId", "RequiredDocumentCode"], unique: true);

        migrationBuilder.CreateTable(
            name: "MembershipMandates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MembershipId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                StorageKey = table.Column<string>(maxLength: 200, nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MembershipMandates", x => x.Id);
                table.ForeignKey("FK_MembershipMandates_OrganisationMemberships_MembershipId", x => x.MembershipId, "OrganisationMemberships", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MembershipMandates_MembershipId", "MembershipMandates", "MembershipId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MembershipMandates");
        migrationBuilder.DropIndex("IX_ApplicationDocuments_ApplicationId_RequiredDocumentCode", "ApplicationDocuments");
        migrationBuilder.CreateIndex("IX_ApplicationDocuments_ApplicationId", "ApplicationDocuments", "ApplicationId");
    }
}
