namespace PtceFunding.Application.Documents;

/// <summary>The <c>Documents</c> configuration section: what an upload may be.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    public const long DefaultMaxSizeBytes = 20 * 1024 * 1024;

    /// <summary>The largest file accepted, in bytes (20 Mo by default).</summary>
    public long MaxSizeBytes { get; set; } = DefaultMaxSizeBytes;
}
