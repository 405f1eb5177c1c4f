namespace PtceFunding.Application.Applications;

/// <summary>The files attached to an application, for whoever may see the application.</summary>
// Which application the user may see is decided by the handler (ApplicationAccess), answering 404 elsewhere.
[Allow(Audience.SignedIn)]
public sealed record ListApplicationDocuments(Guid ApplicationId) : IQuery<Result<IReadOnlyList<ApplicationDocumentLine>>>;

public sealed record ApplicationDocumentLine(
    Guid Id, string? RequiredDocumentCode, string FileName, string ContentType, long Size, string Sha256, Guid UploadedBy, DateTime UploadedAt)
{
    public static ApplicationDocumentLine Of(ApplicationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(document.Id, document.RequiredDocumentCode, document.FileName, document.ContentType, document.Size, document.Sha256, document.UploadedBy, document.UploadedAt);
    }
}

internal sealed class ListApplicationDocumentsHandler(IPtceDbContext db, ICurrentUser user)
    : IQueryHandler<ListApplicationDocuments, Result<IReadOnlyList<ApplicationDocumentLine>>>
{
    public async ValueTask<Result<IReadOnlyList<ApplicationDocumentLine>>> Handle(ListApplicationDocuments request, CancellationToken cancellationToken)
    {
        var id = new FundingApplicationId(request.ApplicationId);
        if (!await db.Applications.VisibleTo(db, user).AnyAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApplicationAccess.NotFound;
        }

        var lines = await db.ApplicationDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == id)
            .OrderBy(d => d.RequiredDocumentCode == null).ThenBy(d => d.RequiredDocumentCode).ThenBy(d => d.UploadedAt)
            .Select(d => new ApplicationDocumentLine(d.Id, d.RequiredDocumentCode, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return lines;
    }
}
