namespace PtceFunding.Application.Abstractions;

/// <summary>Whether a recurring job runs on its schedule.</summary>
public enum ScheduledJobState
{
    /// <summary>Runs on its schedule.</summary>
    Normal,

    /// <summary>Suspended by an administrator: its runs stand aside until it is resumed.</summary>
    Paused,

    /// <summary>The scheduler could not plan it (e.g. the stored job could not be read) and says why in the dashboard.</summary>
    Error,
}

/// <summary>
/// A recurring job as the scheduler sees it; times are UTC. <see cref="DailyAt"/> is the time of day in
/// Europe/Paris of a daily job, <see langword="null"/> for a job run every <see cref="Interval"/>.
/// </summary>
public sealed record ScheduledJob(
    string Name,
    string Description,
    TimeSpan Interval,
    TimeOnly? DailyAt,
    bool Failing,
    DateTime? NextFireAt,
    DateTime? PreviousFireAt);

/// <summary>
/// The scheduler of the platform's recurring jobs (Hangfire), for the administration: what is scheduled,
/// and one run now by a job's name. Both answer <see langword="null"/> or <see langword="false"/> for a
/// name that is not a recurring job. Pauses are the platform's own (<c>PausedJob</c>), not the scheduler's.
/// </summary>
public interface IJobScheduler
{
    Task<IReadOnlyList<ScheduledJob>> List(CancellationToken cancellationToken);

    Task<ScheduledJob?> Find(string name, CancellationToken cancellationToken);

    /// <summary>Queues one run now, besides the schedule and even while the job is paused; a node processing jobs picks it up.</summary>
    Task<bool> TriggerNow(string name, CancellationToken cancellationToken);
}
