namespace PtceFunding.Application.Jobs;

/// <summary>
/// One execution of a recurring job on one node: when it was due, when it ran, how it ended.
/// The administration page reads the last run of each job from here.
/// </summary>
public sealed class JobRun
{
    public long Id { get; init; }

    public string JobName { get; init; } = "";

    /// <summary>The fire time the scheduler planned (UTC); two runs with the same one would be a double fire.</summary>
    public DateTime ScheduledFireAt { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime? FinishedAt { get; set; }

    public string Node { get; init; } = "";

    public bool? Succeeded { get; set; }

    /// <summary>The job's figures when it succeeded, its error when it failed.</summary>
    public string? Outcome { get; set; }
}
