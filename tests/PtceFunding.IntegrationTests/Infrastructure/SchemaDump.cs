using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace PtceFunding.IntegrationTests.Infrastructure;

/// <summary>A database's schema as sorted, comparable lines (columns, indexes, constraints, reference rows).</summary>
public static class SchemaDump
{
    private const string Postgres = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
               || coalesce('(' || character_maximum_length || ')', '') || coalesce(' precision=' || numeric_precision || ',' || numeric_scale, '')
               || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity
          FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EFMigrations%'
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EFMigrations%'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
          FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"\_\_EFMigrations%'
        UNION ALL
        SELECT 'role ' || "Id" || ' ' || "Name" FROM "AspNetRoles"
        """;

    private const string Sqlite = """
        SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' default=' || coalesce(p.dflt_value, '') || ' pk=' || p.pk
          FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE '\_\_EFMigrations%' ESCAPE '\' AND m.name NOT LIKE 'sqlite_%'
        UNION ALL
        SELECT 'index ' || m.name || ' ' || il.name || ' unique=' || il."unique" || ' columns=' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii)
          FROM sqlite_master m JOIN pragma_index_list(m.name) il WHERE m.type = 'table' AND m.name NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
        UNION ALL
        SELECT 'foreign key ' || m.name || '.' || fk."from" || ' -> ' || fk."table" || '.' || fk."to" || ' on delete ' || fk.on_delete
          FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk WHERE m.type = 'table'
        UNION ALL
        SELECT 'autoincrement ' || name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'
        UNION ALL
        SELECT 'role ' || Id || ' ' || Name FROM AspNetRoles
        """;

    public static async Task<IReadOnlyList<string>> Of(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = db.Database.IsNpgsql() ? Postgres : Sqlite;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return [.. lines.Order(StringComparer.Ordinal)];
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>The lines that differ, marked "- only after migrations" / "+ only in the model".</summary>
    public static string Difference(IReadOnlyList<string> migrated, IReadOnlyList<string> model) =>
        string.Join(Environment.NewLine,
            migrated.Except(model).Select(l => "- only after migrations: " + l)
                .Concat(model.Except(migrated).Select(l => "+ only in the model:     " + l)));
}
