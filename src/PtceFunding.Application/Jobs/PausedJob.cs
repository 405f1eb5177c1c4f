namespace PtceFunding.Application.Jobs;

/// <summary>
/// A recurring job an administrator suspended. The scheduler keeps firing it (Hangfire has no pause for
/// recurring jobs): each run looks here first and stands aside, on every node, until the row is removed.
/// Registering the jobs at start-up never touches these rows, so a redeployment does not undo a pause.
/// </summary>
public sealed class PausedJob
{
    public string Name { get; init; } = "";

    public DateTime PausedAt { get; init; }

    public Guid? PausedBy { get; init; }
}
