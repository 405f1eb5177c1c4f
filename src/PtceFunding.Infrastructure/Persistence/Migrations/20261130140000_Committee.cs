using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Committee sessions: append-only decisions (superseded, never edited) and members' conflict-of-interest declarations.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130140000_Committee")]
public sealed class Committee : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CommitteeDecisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
                Outcome = table.Column<int>(nullable: false),
                Amounts = table.Column<string>(nullable: false),
                DurationYears = table.Column<int>(nullable: true),
                Conditions = table.Column<string>(maxLength: 4000, nullable: true),
                PublicReasons = table.Column<string>(maxLength: 4000, nullable: true),
                Rationale = table.Column<string>(maxLength: 4000, nullable: false),
                RecordedBy = table.Column<Guid>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                SupersedesId = table.Column<Guid>(nullable: true),
                SupersededAt = table.Column<DateTime>(nullable: true),
                SupersededBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteeDecisions", x => x.Id);
                table.ForeignKey("FK_CommitteeDecisions_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CommitteeDecisions_CommitteeSessions_SessionId", x => x.SessionId, "CommitteeSessions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CommitteeDecisions_CommitteeDecisions_SupersedesId", x => x.SupersedesId, "CommitteeDecisions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CommitteeDecisions_ApplicationId_SessionId", "CommitteeDecisions", ["ApplicationId", "SessionId"]);
        migrationBuilder.CreateIndex("IX_CommitteeDecisions_SessionId", "CommitteeDecisions", "SessionId");
        migrationBuilder.CreateIndex("IX_CommitteeDecisions_SupersedesId", "CommitteeDecisions", "SupersedesId");

        migrationBuilder.CreateTable(
            name: "CommitteeConflicts",
            columns: table => new
            {
                SessionId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: false),
                HasConflict = table.Column<bool>(nullable: false),
                DeclaredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteeConflicts", x => new { x.SessionId, x.MemberId, x.ApplicationId });
                table.ForeignKey("FK_CommitteeConflicts_CommitteeSessions_SessionId", x => x.SessionId, "CommitteeSessions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CommitteeConflicts_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CommitteeConflicts_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CommitteeConflicts_MemberId", "CommitteeConflicts", "MemberId");
        migrationBuilder.CreateIndex("IX_CommitteeConflicts_ApplicationId", "CommitteeConflicts", "ApplicationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CommitteeConflicts");
        migrationBuilder.DropTable("CommitteeDecisions");
    }
}
