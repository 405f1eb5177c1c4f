using Npgsql;
using PtceFunding.Application.Reviews;
using PtceFunding.Domain.Applications;

namespace PtceFunding.Benchmarks;

/// <summary>
/// The inbox as a person would write it by hand for PostgreSQL: the same two statements (a grouped
/// count, a page joined to its names) with the same visibility rule, filters and orders.
/// </summary>
internal static class RawInbox
{
    // Visibility: submitted (not a draft), and routed to the officer's funder unless the officer is national.
    private const string Filter = """
        a."Status" <> 0
          AND (@funder IS NULL OR EXISTS (SELECT 1 FROM "ApplicationRoutes" r WHERE r."ApplicationId" = a."Id" AND r."FunderId" = @funder))
          AND a."SessionId" = @session
        """;

    public const string CountSql = $"""
        SELECT a."Status", count(*) FROM "Applications" a WHERE {Filter} GROUP BY a."Status"
        """;

    private const string PageBySubmission = $"""
        SELECT p."Id", p."Reference", p."Title", c."Title", o."Name", p."RegionCode", p."Status", p."SubmittedAt", s."Name", s."CutOffDate", u."DisplayName", p."TotalRequested", p."MembersCount"
          FROM (SELECT a.* FROM "Applications" a WHERE {Filter} AND a."Status" = @status ORDER BY a."SubmittedAt" DESC, a."Id" DESC LIMIT @take OFFSET @skip) p
          JOIN "Calls" c ON c."Id" = p."CallId"
          JOIN "Organisations" o ON o."Id" = p."LeadOrganisationId"
          LEFT JOIN "CommitteeSessions" s ON s."Id" = p."SessionId"
          LEFT JOIN "AspNetUsers" u ON u."Id" = p."AssignedOfficerId"
         ORDER BY p."SubmittedAt" DESC, p."Id" DESC
        """;

    private const string PageByTotal = $"""
        SELECT p."Id", p."Reference", p."Title", c."Title", o."Name", p."RegionCode", p."Status", p."SubmittedAt", s."Name", s."CutOffDate", u."DisplayName", p."TotalRequested", p."MembersCount"
          FROM (SELECT a.* FROM "Applications" a WHERE {Filter} AND a."Status" = @status ORDER BY a."TotalRequested" DESC, a."Id" LIMIT @take OFFSET @skip) p
          JOIN "Calls" c ON c."Id" = p."CallId"
          JOIN "Organisations" o ON o."Id" = p."LeadOrganisationId"
          LEFT JOIN "CommitteeSessions" s ON s."Id" = p."SessionId"
          LEFT JOIN "AspNetUsers" u ON u."Id" = p."AssignedOfficerId"
         ORDER BY p."TotalRequested" DESC, p."Id"
        """;

    public static string PageSql(InboxSort sort) => sort == InboxSort.TotalRequested ? PageByTotal : PageBySubmission;

    public static async Task<(IReadOnlyList<Guid> Ids, IReadOnlyDictionary<ApplicationStatus, int> Counts)> Run(
        NpgsqlDataSource dataSource, Officer officer, GetOfficerInbox query)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var counts = new Dictionary<ApplicationStatus, int>();
        await using (var count = new NpgsqlCommand(CountSql, connection))
        {
            Bind(count, officer, query);
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[(ApplicationStatus)reader.GetInt32(0)] = (int)reader.GetInt64(1);
            }
        }

        var ids = new List<Guid>(query.PageSize);
        await using (var page = new NpgsqlCommand(PageSql(query.Sort), connection))
        {
            Bind(page, officer, query);
            page.Parameters.AddWithValue("status", (int)query.Status!.Value);
            page.Parameters.AddWithValue("take", query.PageSize);
            page.Parameters.AddWithValue("skip", (query.Page - 1) * query.PageSize);
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
                _ = (reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6),
                    reader.GetDateTime(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? (DateOnly?)null : reader.GetFieldValue<DateOnly>(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetDecimal(11), reader.GetInt32(12));
            }
        }

        return (ids, counts);
    }

    public static void Bind(NpgsqlCommand command, Officer officer, GetOfficerInbox query)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(query);
        command.Parameters.Add(new NpgsqlParameter("funder", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = officer.Territory.IsNational ? DBNull.Value : officer.FunderId.Value });
        command.Parameters.AddWithValue("session", query.SessionId!.Value);
    }
}
