using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Partner clients (docs/adr/0035): the systems that call the API with client credentials, and the accounts they act as.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261208100000_PartnerClients")]
public sealed class PartnerClients : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "IsServiceAccount", table: "AspNetUsers", nullable: false, defaultValue: false);
        migrationBuilder.CreateTable(
            name: "PartnerClients",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<string>(maxLength: 100, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                FunderId = table.Column<Guid>(nullable: false),
                Scopes = table.Column<int>(nullable: false),
                ServiceUserId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SecretIssuedAt = table.Column<DateTime>(nullable: false),
                LastUsedAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PartnerClients", x => x.Id);
                table.ForeignKey("FK_PartnerClients_Funders_FunderId", x => x.FunderId, "Funders", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_PartnerClients_AspNetUsers_ServiceUserId", x => x.ServiceUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PartnerClients_ClientId", "PartnerClients", "ClientId", unique: true);
        migrationBuilder.CreateIndex("IX_PartnerClients_FunderId", "PartnerClients", "FunderId");
        migrationBuilder.CreateIndex("IX_PartnerClients_ServiceUserId", "PartnerClients", "ServiceUserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PartnerClients");
        migrationBuilder.DropColumn(name: "IsServiceAccount", table: "AspNetUsers");
    }
}
