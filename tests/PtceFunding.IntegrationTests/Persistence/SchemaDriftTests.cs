using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Abstractions;
using PtceFunding.Infrastructure.Persistence;
using Xunit.Abstractions;

namespace PtceFunding.IntegrationTests.Persistence;

/// <summary>
/// Applying every hand-written migration to an empty database must give exactly the schema of the
/// current model. A model change without its migration fails here, with the difference printed.
/// </summary>
public sealed class SchemaDriftTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Migrations_build_exactly_the_model_schema_on_PostgreSQL()
    {
        var server = await PostgresServer.Instance;
        await AssertNoDrift(
            Context(DatabaseProvider.Postgres, await server.CreateDatabase(migrated: false)),
            Context(DatabaseProvider.Postgres, await server.CreateDatabase(migrated: false)));
    }

    [Fact]
    public async Task Migrations_build_exactly_the_model_schema_on_SQLite()
    {
        var directory = Directory.CreateTempSubdirectory("ptce-drift-");
        try
        {
            await AssertNoDrift(
                Context(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory.FullName, "migrated.db")};Pooling=False"),
                Context(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory.FullName, "model.db")};Pooling=False"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private async Task AssertNoDrift(PtceDbContext migrated, PtceDbContext model)
    {
        await using (migrated)
        await using (model)
        {
            await migrated.Database.MigrateAsync();
            await model.Database.EnsureCreatedAsync();

            var fromMigrations = await SchemaDump.Of(migrated);
            var fromModel = await SchemaDump.Of(model);
            output.WriteLine($"{fromMigrations.Count} schema lines after migrations, {fromModel.Count} in the model.");

            var difference = SchemaDump.Difference(fromMigrations, fromModel);
            Assert.True(difference.Length == 0,
                "The migrations do not build the model's schema. Write a migration in src/PtceFunding.Infrastructure/Persistence/Migrations " +
                "(docs/adr/0006) for these differences:" + Environment.NewLine + difference);
            Assert.True(fromModel.Count > 50, "the schema dump should see the whole model");
        }
    }

    private static PtceDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PtceDbContext>();
        options.UseConfiguredProvider(new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        return new PtceDbContext(options.Options, TimeProvider.System, SystemUser.Instance, new OperationContext());
    }
}
