using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PtceFunding.Infrastructure.Persistence.Migrations;

/// <summary>The OAuth 2 server's clients, authorizations, scopes and tokens, as OpenIddict's Entity Framework stores model them (docs/adr/0033).</summary>
[DbContext(typeof(PtceDbContext))]
[Migration("20261207130000_OAuthServer")]
public sealed class OAuthServer : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OpenIddictApplications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationType = table.Column<string>(maxLength: 50, nullable: true),
                ClientId = table.Column<string>(maxLength: 100, nullable: true),
                ClientSecret = table.Column<string>(nullable: true),
                ClientType = table.Column<string>(maxLength: 50, nullable: true),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                ConsentType = table.Column<string>(maxLength: 50, nullable: true),
                DisplayName = table.Column<string>(nullable: true),
                DisplayNames = table.Column<string>(nullable: true),
                JsonWebKeySet = table.Column<string>(nullable: true),
                Permissions = table.Column<string>(nullable: true),
                PostLogoutRedirectUris = table.Column<string>(nullable: true),
                Properties = table.Column<string>(nullable: true),
                RedirectUris = table.Column<string>(nullable: true),
                Requirements = table.Column<string>(nullable: true),
                Settings = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OpenIddictApplications", x => x.Id));
        migrationBuilder.CreateIndex("IX_OpenIddictApplications_ClientId", "OpenIddictApplications", "ClientId", unique: true);

        migrationBuilder.CreateTable(
            name: "OpenIddictAuthorizations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: true),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                CreationDate = table.Column<DateTime>(nullable: true),
                Properties = table.Column<string>(nullable: true),
                Scopes = table.Column<string>(nullable: true),
                Status = table.Column<string>(maxLength: 50, nullable: true),
                Subject = table.Column<string>(maxLength: 400, nullable: true),
                Type = table.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpenIddictAuthorizations", x => x.Id);
                table.ForeignKey("FK_OpenIddictAuthorizations_OpenIddictApplications_Application~", x => x.ApplicationId, "OpenIddictApplications", "Id", onDelete: ReferentialAction.NoAction);
            });
        migrationBuilder.CreateIndex(
            "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type", "OpenIddictAuthorizations", ["ApplicationId", "Status", "Subject", "Type"]);

        migrationBuilder.CreateTable(
            name: "OpenIddictScopes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                Description = table.Column<string>(nullable: true),
                Descriptions = table.Column<string>(nullable: true),
                DisplayName = table.Column<string>(nullable: true),
                DisplayNames = table.Column<string>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                Properties = table.Column<string>(nullable: true),
                Resources = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OpenIddictScopes", x => x.Id));
        migrationBuilder.CreateIndex("IX_OpenIddictScopes_Name", "OpenIddictScopes", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "OpenIddictTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicationId = table.Column<Guid>(nullable: true),
                AuthorizationId = table.Column<Guid>(nullable: true),
                ConcurrencyToken = table.Column<string>(maxLength: 50, nullable: true),
                CreationDate = table.Column<DateTime>(nullable: true),
                ExpirationDate = table.Column<DateTime>(nullable: true),
                Payload = table.Column<string>(nullable: true),
                Properties = table.Column<string>(nullable: true),
                RedemptionDate = table.Column<DateTime>(nullable: true),
                ReferenceId = table.Column<string>(maxLength: 100, nullable: true),
                Status = table.Column<string>(maxLength: 50, nullable: true),
                Subject = table.Column<string>(maxLength: 400, nullable: true),
                Type = table.Column<string>(maxLength: 150, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OpenIddictTokens", x => x.Id);
                table.ForeignKey("FK_OpenIddictTokens_OpenIddictApplications_ApplicationId", x => x.ApplicationId, "OpenIddictApplications", "Id", onDelete: ReferentialAction.NoAction);
                table.ForeignKey("FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId", x => x.AuthorizationId, "OpenIddictAuthorizations", "Id", onDelete: ReferentialAction.NoAction);
            });
        migrationBuilder.CreateIndex("IX_OpenIddictTokens_ApplicationId_Status_Subject_Type", "OpenIddictTokens", ["ApplicationId", "Status", "Subject", "Type"]);
        migrationBuilder.CreateIndex("IX_OpenIddictTokens_AuthorizationId", "OpenIddictTokens", "AuthorizationId");
        migrationBuilder.CreateIndex("IX_OpenIddictTokens_ReferenceId", "OpenIddictTokens", "ReferenceId", unique: true);

        // The platform's own tools and scripts: a public client acting as a signed-in person (authorization code with
        // PKCE, redirected to the loopback address), whose tokens are refreshed; the password grant only where the
        // server enables it (tests and development, never in production).
        migrationBuilder.InsertData(
            table: "OpenIddictApplications",
            columns: ["Id", "ApplicationType", "ClientId", "ClientType", "ConcurrencyToken", "ConsentType", "DisplayName", "Permissions", "RedirectUris", "Requirements"],
            columnTypes:
            [
                migrationBuilder.GuidColumnType(), migrationBuilder.TextColumnType(50), migrationBuilder.TextColumnType(100), migrationBuilder.TextColumnType(50),
                migrationBuilder.TextColumnType(50), migrationBuilder.TextColumnType(50), migrationBuilder.TextColumnType(), migrationBuilder.TextColumnType(),
                migrationBuilder.TextColumnType(), migrationBuilder.TextColumnType(),
            ],
            values: new object[]
            {
                Guid.Parse("0196a000-00c1-7000-8000-000000000001"), "native", "ptce-outils", "public", "0196a000-00c1-7000-8000-000000000001", "implicit",
                "Outils et scripts de la plateforme",
                """["ept:authorization","ept:token","ept:revocation","gt:authorization_code","gt:refresh_token","gt:password","rst:code","scp:api","scp:offline_access"]""",
                """["http://127.0.0.1/callback"]""",
                """["ft:pkce"]""",
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OpenIddictTokens");
        migrationBuilder.DropTable("OpenIddictAuthorizations");
        migrationBuilder.DropTable("OpenIddictScopes");
        migrationBuilder.DropTable("OpenIddictApplications");
    }
}
