namespace PtceFunding.Application;

/// <summary>This process's name among the nodes sharing the database (host and process id).</summary>
public static class ClusterNode
{
    public static string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
