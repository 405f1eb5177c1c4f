using Microsoft.Extensions.Diagnostics.HealthChecks;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>On PostgreSQL, ready when Hangfire's tables exist: the nodes never create them, the migrate step does.</summary>
internal sealed class JobStorageReadyCheck(PtceDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return HealthCheckResult.Healthy("In-memory job storage.");
        }

        try
        {
            return await JobStorageSchema.IsInstalled(db.Database.GetConnectionString()!, cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The job storage (schema '{JobStorageSchema.Name}', version {JobStorageSchema.Version}) is missing or older: run 'PtceFunding.Web migrate'.");
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", exception);
        }
    }
}
