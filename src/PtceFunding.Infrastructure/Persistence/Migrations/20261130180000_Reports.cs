using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>The reports owed under agreements (activity, financial, final), with their indicators, values, attachments and reviews as JSON.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130180000_Reports")]
public sealed class Reports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Reports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                YearNumber = table.Column<int>(nullable: true),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                PeriodEnd = table.Column<DateOnly>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                OriginalDueOn = table.Column<DateOnly>(nullable: false),
                State = table.Column<int>(nullable: false),
                Indicators = table.Column<string>(nullable: false),
                RequiredAttachments = table.Column<string>(nullable: false),
                Values = table.Column<string>(nullable: false),
                Attachments = table.Column<string>(nullable: false),
                Reviews = table.Column<string>(nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                SubmittedBy = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reports", x => x.Id);
                table.ForeignKey("FK_Reports_Agreements_AgreementId", x => x.AgreementId, "Agreements", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Reports_AgreementId", "Reports", "AgreementId");
        migrationBuilder.CreateIndex("IX_Reports_State_DueOn", "Reports", ["State", "DueOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Reports");
}
