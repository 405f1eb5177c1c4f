using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>
/// Applicants' own accounts (when they accepted the terms of use) and invitations of colleagues to
/// act for an organisation.
/// </summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130100000_OrganisationInvitations")]
public sealed class OrganisationInvitations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "TermsAcceptedAt", table: "AspNetUsers", nullable: true);

        migrationBuilder.CreateTable(
            name: "OrganisationInvitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                InvitedBy = table.Column<Guid>(nullable: false),
                InvitedAt = table.Column<DateTime>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                AcceptedAt = table.Column<DateTime>(nullable: true),
                AcceptedBy = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganisationInvitations", x => x.Id);
                table.ForeignKey("FK_OrganisationInvitations_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_OrganisationInvitations_AspNetUsers_InvitedBy", x => x.InvitedBy, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_OrganisationInvitations_OrganisationId_Email", "OrganisationInvitations", ["OrganisationId", "Email"], unique: true);
        migrationBuilder.CreateIndex("IX_OrganisationInvitations_TokenHash", "OrganisationInvitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_OrganisationInvitations_InvitedBy", "OrganisationInvitations", "InvitedBy");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OrganisationInvitations");
        migrationBuilder.DropColumn(name: "TermsAcceptedAt", table: "AspNetUsers");
    }
}
