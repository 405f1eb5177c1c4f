using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// Hangfire in the web application (docs/adr/0034): on PostgreSQL its tables in the <c>hangfire</c> schema, created by the
/// migrate step and never by the nodes; on the embedded SQLite default its in-memory storage. Each application instance
/// builds its own storage and activator in its container (not Hangfire's process-wide defaults), so several instances in
/// one process — the tests — never share them. <c>Jobs:Enabled=false</c> leaves out the server: such a node serves HTTP
/// and still queues runs for the nodes that process them.
/// </summary>
internal static class Scheduling
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, JobsOptions jobs)
    {
        foreach (var job in RecurringJobs.All)
        {
            _ = jobs.TimingOf(job).Cron; // an interval without a grid is refused at start-up, not at the first run
        }

        services.AddSingleton(jobs);
        services.AddSingleton<JobLocks>();
        services.AddScoped<JobRunner>();
        services.AddSingleton<IJobScheduler, HangfireJobScheduler>();
        services.AddSingleton<DeliverySoon>();
        services.AddSingleton<JobStorage>(sp => Storage(sp.GetRequiredService<DatabaseOptions>(), jobs));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHostedService<RecurringJobRegistration>();
        if (jobs.Enabled)
        {
            services.AddHangfireServer(options =>
            {
                options.ServerName = Application.ClusterNode.Name;
                options.WorkerCount = jobs.Workers;
                options.SchedulePollingInterval = jobs.PollingInterval;
            });
        }

        return services;
    }

    private static JobStorage Storage(DatabaseOptions database, JobsOptions jobs)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return new InMemoryStorage(new InMemoryStorageOptions());
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = JobStorageSchema.Name,
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = jobs.PollingInterval,
            DistributedLockTimeout = jobs.LockTimeout,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = jobs.InvisibilityTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }
}
