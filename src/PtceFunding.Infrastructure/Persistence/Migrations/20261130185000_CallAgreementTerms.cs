using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>Each call's agreement terms (anniversary or calendar years, advance, reports' due months); existing calls get the defaults.</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261130185000_CallAgreementTerms")]
public sealed class CallAgreementTermsColumn : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("AgreementTerms", "Calls", nullable: false, defaultValueSql: "'" + CallAgreementTerms.DefaultJson + "'");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("AgreementTerms", "Calls");
}
