using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Users acting for organisations, verified by the officers of the organisation's region.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261122120000_OrganisationMemberships")]
public sealed class OrganisationMemberships : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OrganisationMemberships",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Justification = table.Column<string>(maxLength: 1000, nullable: false),
                RequestedAt = table.Column<DateTime>(nullable: false),
                DecidedAt = table.Column<DateTime>(nullable: true),
                DecidedBy = table.Column<Guid>(nullable: true),
                DecisionReason = table.Column<string>(maxLength: 1000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganisationMemberships", x => x.Id);
                table.ForeignKey("FK_OrganisationMemberships_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_OrganisationMemberships_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_OrganisationMemberships_OrganisationId_UserId", "OrganisationMemberships", ["OrganisationId", "UserId"]);
        migrationBuilder.CreateIndex("IX_OrganisationMemberships_UserId_Status", "OrganisationMemberships", ["UserId", "Status"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("OrganisationMemberships");
}
