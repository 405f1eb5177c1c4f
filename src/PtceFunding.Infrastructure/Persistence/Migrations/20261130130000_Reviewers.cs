using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Reviewers assigned to applications: conflict-of-interest declaration, scores on the grid, opinion.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130130000_Reviewers")]
public sealed class Reviewers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReviewerAssignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: false),
                ReviewerId = table.Column<Guid>(nullable: false),
                AssignedBy = table.Column<Guid>(nullable: false),
                AssignedAt = table.Column<DateTime>(nullable: false),
                Declaration = table.Column<int>(nullable: false),
                DeclaredAt = table.Column<DateTime>(nullable: true),
                ConflictDetails = table.Column<string>(maxLength: 2000, nullable: true),
                Scores = table.Column<string>(nullable: false),
                Opinion = table.Column<int>(nullable: true),
                OpinionText = table.Column<string>(maxLength: 8000, nullable: true),
                ConfidentialText = table.Column<string>(maxLength: 8000, nullable: true),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                WeightedScore = table.Column<decimal>(precision: 5, scale: 2, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewerAssignments", x => x.Id);
                table.ForeignKey("FK_ReviewerAssignments_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ReviewerAssignments_AspNetUsers_ReviewerId", x => x.ReviewerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ReviewerAssignments_ApplicationId_ReviewerId", "ReviewerAssignments", ["ApplicationId", "ReviewerId"], unique: true);
        migrationBuilder.CreateIndex("IX_ReviewerAssignments_ReviewerId", "ReviewerAssignments", "ReviewerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ReviewerAssignments");
}
