using Quartz;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// Every recurring job of the platform, declared here with its default interval; the interval of
/// each can be set in configuration (<c>Jobs:&lt;Name&gt;:Interval</c>, e.g. <c>00:00:15</c>).
/// </summary>
public static class RecurringJobs
{
    public sealed record Definition(string Name, Type JobType, TimeSpan DefaultInterval, string Description);

    public static IReadOnlyList<Definition> All { get; } =
    [
        new("DeliverNotifications", typeof(DeliverNotificationsJob), TimeSpan.FromSeconds(15), "Envoie les courriels en attente de la file des notifications."),
        new("Heartbeat", typeof(HeartbeatJob), TimeSpan.FromMinutes(1), "Signale que le planificateur fonctionne (une exécution par minute dans toute la grappe)."),
        new("AgreementLifecycleSweep", typeof(AgreementLifecycleSweepJob), TimeSpan.FromDays(1), "Met en exécution les conventions signées dont la date de début est venue et clôt celles dont la date de fin est passée."),
        new(SweepRemindersJob.Name, typeof(SweepRemindersJob), TimeSpan.FromHours(1), "Relance les porteurs, experts, chargés de mission et gestionnaires financiers dont une échéance approche ou est dépassée (une fois par étape)."),
        new("PruneTokens", typeof(PruneTokensJob), TimeSpan.FromDays(1), "Supprime les jetons d'accès et autorisations expirés ou révoqués depuis plus d'un jour."),
    ];

    public static JobKey KeyOf(string name) => new(name, "ptce");

    public static TriggerKey TriggerOf(string name) => new(name, "ptce");
}

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run the scheduler in this process (off for command-line tools and some tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each node checks in with the cluster; a node silent for longer than this plus the threshold is presumed dead.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(7.5);

    public Dictionary<string, JobSchedule> Schedules { get; } = new(StringComparer.Ordinal);

    public TimeSpan IntervalOf(RecurringJobs.Definition job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Schedules.TryGetValue(job.Name, out var schedule) && schedule.Interval is { } interval ? interval : job.DefaultInterval;
    }
}

public sealed class JobSchedule
{
    public TimeSpan? Interval { get; set; }
}
