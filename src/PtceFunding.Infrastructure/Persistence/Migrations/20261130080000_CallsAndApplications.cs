using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Programmes, calls with versioned rules, committee sessions, applications with their contributors and documents.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130080000_CallsAndApplications")]
public sealed class CallsAndApplications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Programmes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Programmes", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Calls",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgrammeId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: false),
                Mode = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                OpensOn = table.Column<DateOnly>(nullable: false),
                ClosesOn = table.Column<DateOnly>(nullable: true),
                TimeZoneId = table.Column<string>(maxLength: 64, nullable: false),
                IsTwoStage = table.Column<bool>(nullable: false),
                Categories = table.Column<string>(nullable: false),
                Funders = table.Column<string>(nullable: false),
                CurrentRulesVersion = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Calls", x => x.Id);
                table.ForeignKey("FK_Calls_Programmes_ProgrammeId", x => x.ProgrammeId, "Programmes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Calls_ProgrammeId", "Calls", "ProgrammeId");
        migrationBuilder.CreateIndex("IX_Calls_Status", "Calls", "Status");

        migrationBuilder.CreateTable(
            name: "CallRuleVersions",
            columns: table => new
            {
                CallId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Rules = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallRuleVersions", x => new { x.CallId, x.Number });
                table.ForeignKey("FK_CallRuleVersions_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CommitteeSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CallId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                CutOffDate = table.Column<DateOnly>(nullable: false),
                MeetingDate = table.Column<DateOnly>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteeSessions", x => x.Id);
                table.ForeignKey("FK_CommitteeSessions_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CommitteeSessions_CallId_CutOffDate", "CommitteeSessions", ["CallId", "CutOffDate"]);

        migrationBuilder.CreateTable(
            name: "Applications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CallId = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: false),
                Stage = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                RulesVersion = table.Column<int>(nullable: false),
                LeadOrganisationId = table.Column<Guid>(nullable: false),
                RegionCode = table.Column<string>(maxLength: 3, nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: false),
                Territory = table.Column<string>(maxLength: 1000, nullable: false),
                Sectors = table.Column<string>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: true),
                DurationYears = table.Column<int>(nullable: true),
                Members = table.Column<string>(nullable: false),
                Plan = table.Column<string>(nullable: false),
                RequestedAmounts = table.Column<string>(nullable: false),
                Indicators = table.Column<string>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Reference = table.Column<string>(maxLength: 32, nullable: true),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                SubmittedBy = table.Column<Guid>(nullable: true),
                SessionId = table.Column<Guid>(nullable: true),
                WithdrawnAt = table.Column<DateTime>(nullable: true),
                WithdrawalReason = table.Column<string>(maxLength: 1000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Applications", x => x.Id);
                table.ForeignKey("FK_Applications_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Applications_Organisations_LeadOrganisationId", x => x.LeadOrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Applications_CommitteeSessions_SessionId", x => x.SessionId, "CommitteeSessions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Applications_Reference", "Applications", "Reference", unique: true);
        migrationBuilder.CreateIndex("IX_Applications_LeadOrganisationId_Status", "Applications", ["LeadOrganisationId", "Status"]);
        migrationBuilder.CreateIndex("IX_Applications_CallId_Status", "Applications", ["CallId", "Status"]);
        migrationBuilder.CreateIndex("IX_Applications_RegionCode_Status", "Applications", ["RegionCode", "Status"]);
        migrationBuilder.CreateIndex("IX_Applications_SessionId", "Applications", "SessionId");

        migrationBuilder.CreateTable(
            name: "ApplicationContributors",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                InvitedBy = table.Column<Guid>(nullable: false),
                InvitedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApplicationContributors", x => x.Id);
                table.ForeignKey("FK_ApplicationContributors_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ApplicationContributors_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ApplicationContributors_ApplicationId_UserId", "ApplicationContributors", ["ApplicationId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_ApplicationContributors_UserId", "ApplicationContributors", "UserId");

        migrationBuilder.CreateTable(
            name: "ApplicationDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: false),
                RequiredDocumentCode = table.Column<string>(maxLength: 64, nullable: true),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                StorageKey = table.Column<string>(maxLength: 200, nullable: false),
                UploadedBy = table.Column<Guid>(nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApplicationDocuments", x => x.Id);
                table.ForeignKey("FK_ApplicationDocuments_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ApplicationDocuments_ApplicationId", "ApplicationDocuments", "ApplicationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ApplicationDocuments");
        migrationBuilder.DropTable("ApplicationContributors");
        migrationBuilder.DropTable("Applications");
        migrationBuilder.DropTable("CommitteeSessions");
        migrationBuilder.DropTable("CallRuleVersions");
        migrationBuilder.DropTable("Calls");
        migrationBuilder.DropTable("Programmes");
    }
}
