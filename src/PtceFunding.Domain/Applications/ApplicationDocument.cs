namespace PtceFunding.Domain.Applications;

/// <summary>
/// A file attached to an application (pièce jointe): its metadata here, its bytes in the file store
/// under <see cref="StorageKey"/>, identified by the SHA-256 of its content.
/// </summary>
public sealed class ApplicationDocument
{
    private ApplicationDocument()
    {
    }

    public Guid Id { get; private set; }

    public FundingApplicationId ApplicationId { get; private set; }

    /// <summary>The call's required document this file provides, or null for another attachment.</summary>
    public string? RequiredDocumentCode { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The type recognised from the content (never the one the browser claimed).</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    public Guid UploadedBy { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public static ApplicationDocument Attach(
        FundingApplicationId applicationId, string? requiredDocumentCode, string fileName, string contentType, long size, string sha256, string storageKey, Guid uploadedBy, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            RequiredDocumentCode = string.IsNullOrWhiteSpace(requiredDocumentCode) ? null : requiredDocumentCode.Trim(),
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            Sha256 = sha256,
            StorageKey = storageKey,
            UploadedBy = uploadedBy,
            UploadedAt = now.UtcDateTime,
        };
}
