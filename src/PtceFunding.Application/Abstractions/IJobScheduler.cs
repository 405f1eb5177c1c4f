namespace PtceFunding.Application.Abstractions;

/// <summary>Whether a recurring job fires on its schedule.</summary>
public enum ScheduledJobState
{
    /// <summary>Fires on its schedule.</summary>
    Normal,

    /// <summary>Suspended by an administrator: does not fire until resumed.</summary>
    Paused,

    /// <summary>The scheduler could not fire it (e.g. the job could not be built) and will not retry by itself.</summary>
    Error,
}

/// <summary>A recurring job as the scheduler sees it; times are UTC.</summary>
public sealed record ScheduledJob(
    string Name,
    string Description,
    TimeSpan Interval,
    ScheduledJobState State,
    DateTime? NextFireAt,
    DateTime? PreviousFireAt);

/// <summary>
/// The scheduler of the platform's recurring jobs (Quartz in production), for the administration:
/// what is scheduled, and pausing, resuming or firing a job by its name. Every method answers
/// <see langword="null"/> or <see langword="false"/> for a name that is not a recurring job.
/// </summary>
public interface IJobScheduler
{
    Task<IReadOnlyList<ScheduledJob>> List(CancellationToken cancellationToken);

    Task<ScheduledJob?> Find(string name, CancellationToken cancellationToken);

    Task<bool> Pause(string name, CancellationToken cancellationToken);

    Task<bool> Resume(string name, CancellationToken cancellationToken);

    /// <summary>Asks for one run now, besides the schedule; a node of the cluster picks it up.</summary>
    Task<bool> TriggerNow(string name, CancellationToken cancellationToken);
}
