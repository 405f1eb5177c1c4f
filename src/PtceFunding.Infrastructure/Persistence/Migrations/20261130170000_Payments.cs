using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Installments and their payments, recovery orders, and the legal commitments of each agreement.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130170000_Payments")]
public sealed class Payments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("LegalCommitments", "Agreements", nullable: false, defaultValueSql: "'[]'");

        migrationBuilder.CreateTable(
            name: "Installments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                FunderId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                PlannedByVersion = table.Column<int>(nullable: false),
                Amount = table.Column<decimal>(precision: 14, scale: 2, nullable: false),
                CancelledAmount = table.Column<decimal>(precision: 14, scale: 2, nullable: false),
                PaidAmount = table.Column<decimal>(precision: 14, scale: 2, nullable: false),
                DueFrom = table.Column<DateOnly>(nullable: false),
                Condition = table.Column<int>(nullable: false),
                ReleasedAt = table.Column<DateTime>(nullable: true),
                ReleasedBy = table.Column<string>(maxLength: 200, nullable: true),
                State = table.Column<int>(nullable: false),
                OrderReference = table.Column<string>(maxLength: 50, nullable: true),
                OrderedOn = table.Column<DateOnly>(nullable: true),
                OrderedBy = table.Column<Guid>(nullable: true),
                OrderedToBankAccountId = table.Column<Guid>(nullable: true),
                CancelledAt = table.Column<DateTime>(nullable: true),
                CancellationReason = table.Column<string>(maxLength: 300, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Installments", x => x.Id);
                table.ForeignKey("FK_Installments_Agreements_AgreementId", x => x.AgreementId, "Agreements", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Installments_Funders_FunderId", x => x.FunderId, "Funders", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Installments_AgreementId", "Installments", "AgreementId");
        migrationBuilder.CreateIndex("IX_Installments_FunderId_State", "Installments", ["FunderId", "State"]);

        migrationBuilder.CreateTable(
            name: "Payments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                InstallmentId = table.Column<Guid>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 100, nullable: false),
                Amount = table.Column<decimal>(precision: 14, scale: 2, nullable: false),
                PaidOn = table.Column<DateOnly>(nullable: false),
                BankReference = table.Column<string>(maxLength: 100, nullable: false),
                RecordedBy = table.Column<Guid>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Payments", x => x.Id);
                table.ForeignKey("FK_Payments_Installments_InstallmentId", x => x.InstallmentId, "Installments", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Payments_InstallmentId_IdempotencyKey", "Payments", ["InstallmentId", "IdempotencyKey"], unique: true);
        migrationBuilder.CreateIndex("IX_Payments_PaidOn", "Payments", "PaidOn");

        migrationBuilder.CreateTable(
            name: "RecoveryOrders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                FunderId = table.Column<Guid>(nullable: false),
                Cause = table.Column<int>(nullable: false),
                Amount = table.Column<decimal>(precision: 14, scale: 2, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Reference = table.Column<string>(maxLength: 50, nullable: true),
                State = table.Column<int>(nullable: false),
                Settlements = table.Column<string>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RecoveryOrders", x => x.Id);
                table.ForeignKey("FK_RecoveryOrders_Agreements_AgreementId", x => x.AgreementId, "Agreements", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RecoveryOrders_Funders_FunderId", x => x.FunderId, "Funders", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_RecoveryOrders_AgreementId", "RecoveryOrders", "AgreementId");
        migrationBuilder.CreateIndex("IX_RecoveryOrders_FunderId", "RecoveryOrders", "FunderId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RecoveryOrders");
        migrationBuilder.DropTable("Payments");
        migrationBuilder.DropTable("Installments");
        migrationBuilder.DropColumn("LegalCommitments", "Agreements");
    }
}
