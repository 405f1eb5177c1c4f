namespace PtceFunding.Domain.Organisations;

/// <summary>
/// The supporting document (mandat, délégation, extrait de procès-verbal) an applicant joins to
/// their request to act for an organisation: its metadata here, its bytes in the file store.
/// One per request; attaching another replaces it.
/// </summary>
public sealed class MembershipMandate
{
    private MembershipMandate()
    {
    }

    public Guid Id { get; private set; }

    public Guid MembershipId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The type recognised from the content (never the one the browser claimed).</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }

    /// <summary>Only a request still waiting for an officer takes a document.</summary>
    public static Result<MembershipMandate> Attach(
        OrganisationMembership membership, string fileName, string contentType, long size, string sha256, string storageKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(membership);
        if (membership.Status != MembershipStatus.Pending)
        {
            return Error.RuleBroken("membership.already_decided", "Cette demande a déjà été traitée : on n'y joint plus de document.");
        }

        return new MembershipMandate
        {
            Id = Guid.CreateVersion7(),
            MembershipId = membership.Id,
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            Sha256 = sha256,
            StorageKey = storageKey,
            UploadedAt = now.UtcDateTime,
        };
    }
}
