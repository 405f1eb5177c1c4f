using System.Text.Json;
using PtceFunding.Application.Auditing;

namespace PtceFunding.Application.Jobs;

/// <summary>
/// The audit entry of a change made to the scheduler: it changes no row of ours, so the database
/// does not audit it by itself, and the command writes the entry explicitly in its transaction.
/// </summary>
internal static class SchedulerAudit
{
    public const string EntityType = "RecurringJob";

    public static readonly Error UnknownJob = Error.NotFound("job.not_found", "Cette tâche planifiée n'existe pas.");

    public static void Record(
        this IPtceDbContext db, ICurrentUser user, TimeProvider clock, string operation, string jobName, string change, object changes)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorId = user.UserId,
            ActorName = user.UserName ?? (user.CorrelationId is null ? "système" : "anonyme"),
            ActorFunderId = user.FunderId?.Value,
            Operation = operation,
            EntityType = EntityType,
            EntityId = jobName,
            Change = change,
            Changes = JsonSerializer.Serialize(changes),
            CorrelationId = user.CorrelationId,
        });
    }
}
