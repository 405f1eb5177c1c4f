using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Review of applications: assignment, corrections, eligibility, proposal, history, routing to funders; sessions open and close.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130120000_Review")]
public sealed class Review : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("AssignedOfficerId", "Applications", nullable: true);
        migrationBuilder.AddColumn<string>("CorrectionItems", "Applications", nullable: false, defaultValueSql: "'[]'");
        migrationBuilder.AddColumn<DateOnly>("CorrectionsDueOn", "Applications", nullable: true);
        migrationBuilder.AddColumn<string>("IneligibilityReasons", "Applications", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<string>("InstructionReport", "Applications", maxLength: 8000, nullable: true);
        migrationBuilder.AddColumn<string>("ProposedAmounts", "Applications", nullable: false, defaultValueSql: "'[]'");
        migrationBuilder.AddColumn<int>("ProposedDurationYears", "Applications", nullable: true);
        migrationBuilder.AddColumn<int>("ProposedShape", "Applications", nullable: true);
        migrationBuilder.CreateIndex("IX_Applications_AssignedOfficerId_Status", "Applications", ["AssignedOfficerId", "Status"]);

        migrationBuilder.AddColumn<DateTime>("OpenedAt", "CommitteeSessions", nullable: true);
        migrationBuilder.AddColumn<DateTime>("ClosedAt", "CommitteeSessions", nullable: true);

        migrationBuilder.CreateTable(
            name: "ApplicationEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                Details = table.Column<string>(maxLength: 4000, nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApplicationEvents", x => x.Id);
                table.ForeignKey("FK_ApplicationEvents_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ApplicationEvents_ApplicationId_At", "ApplicationEvents", ["ApplicationId", "At"]);

        migrationBuilder.CreateTable(
            name: "ApplicationRoutes",
            columns: table => new
            {
                ApplicationId = table.Column<Guid>(nullable: false),
                FunderId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApplicationRoutes", x => new { x.ApplicationId, x.FunderId });
                table.ForeignKey("FK_ApplicationRoutes_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ApplicationRoutes_Funders_FunderId", x => x.FunderId, "Funders", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ApplicationRoutes_FunderId", "ApplicationRoutes", "FunderId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ApplicationRoutes");
        migrationBuilder.DropTable("ApplicationEvents");
        migrationBuilder.DropColumn("ClosedAt", "CommitteeSessions");
        migrationBuilder.DropColumn("OpenedAt", "CommitteeSessions");
        migrationBuilder.DropIndex("IX_Applications_AssignedOfficerId_Status", "Applications");
        foreach (var column in new[] { "ProposedShape", "ProposedDurationYears", "ProposedAmounts", "InstructionReport", "IneligibilityReasons", "CorrectionsDueOn", "CorrectionItems", "AssignedOfficerId" })
        {
            migrationBuilder.DropColumn(column, "Applications");
        }
    }
}
