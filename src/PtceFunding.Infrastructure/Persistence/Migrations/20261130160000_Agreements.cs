using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Multi-year objectives agreements: one per accepted decision; versions, signatures, members and objectives as JSON.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130160000_Agreements")]
public sealed class Agreements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Agreements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DecisionId = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: false),
                CallId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                AnniversaryYears = table.Column<bool>(nullable: false),
                ReportDueAfterMonths = table.Column<int>(nullable: false),
                PaymentTerms = table.Column<string>(nullable: false),
                Members = table.Column<string>(nullable: false),
                Objectives = table.Column<string>(nullable: false),
                Signatures = table.Column<string>(nullable: false),
                Versions = table.Column<string>(nullable: false),
                DraftedBy = table.Column<Guid>(nullable: false),
                DraftedAt = table.Column<DateTime>(nullable: false),
                SignedAt = table.Column<DateTime>(nullable: true),
                ActivatedAt = table.Column<DateTime>(nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                TerminatedOn = table.Column<DateOnly>(nullable: true),
                TerminationReason = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Agreements", x => x.Id);
                table.ForeignKey("FK_Agreements_CommitteeDecisions_DecisionId", x => x.DecisionId, "CommitteeDecisions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Agreements_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Agreements_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Agreements_DecisionId", "Agreements", "DecisionId", unique: true);
        migrationBuilder.CreateIndex("IX_Agreements_ApplicationId", "Agreements", "ApplicationId");
        migrationBuilder.CreateIndex("IX_Agreements_CallId_Status", "Agreements", ["CallId", "Status"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Agreements");
}
