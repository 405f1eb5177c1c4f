using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Infrastructure.Persistence;
using Quartz;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// Quartz hosted in the web application: on PostgreSQL a clustered persistent store (its qrtz_*
/// tables are created by the migrate step, never by the nodes); on the embedded SQLite default
/// the in-memory store.
/// </summary>
internal static class Scheduling
{
    public const string SchedulerName = "PtceFunding";

    public static IServiceCollection AddScheduling(this IServiceCollection services, DatabaseOptions database, JobsOptions jobs)
    {
        services.AddSingleton(jobs);
        services.AddScoped<JobRunner>();
        services.AddSingleton<IJobScheduler, QuartzJobScheduler>();
        services.Configure<QuartzOptions>(options =>
        {
            // A starting node passes over the jobs and triggers already stored instead of replacing
            // them: a replaced trigger can fire a time another node already ran, and a replacement
            // would undo an administrator's pause. Interval changes: RecurringJobReconciler.
            options.Scheduling.IgnoreDuplicates = true;
        });
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(options => options.InstanceName = SchedulerName);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = jobs.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = jobs.ClusterCheckinMisfireThreshold;
                    });
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }

            foreach (var job in RecurringJobs.All)
            {
                quartz.AddJob(job.JobType, j => j.WithIdentity(RecurringJobs.KeyOf(job.Name)).StoreDurably().WithDescription(job.Description));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(RecurringJobs.KeyOf(job.Name))
                    .WithIdentity(RecurringJobs.TriggerOf(job.Name))
                    .StartNow()
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(jobs.IntervalOf(job)).RepeatForever()));
            }
        });

        if (jobs.Enabled)
        {
            services.AddHostedService<RecurringJobReconciler>();
            services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }

        return services;
    }

    /// <summary>
    /// Creates the qrtz_* tables that are missing (the migrate step; the nodes only validate them).
    /// A scheduler of its own name does it, so it never sees, let alone fires, the cluster's triggers.
    /// </summary>
    public static async Task ProvisionSchema(string connectionString, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(options => options.InstanceName = SchedulerName + "-schema");
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.Start(cancellationToken).ConfigureAwait(false);
        await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken).ConfigureAwait(false);
    }
}
