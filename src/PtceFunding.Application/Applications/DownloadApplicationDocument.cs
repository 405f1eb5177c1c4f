using PtceFunding.Application.Documents;

namespace PtceFunding.Application.Applications;

/// <summary>The bytes of a file attached to an application, for whoever may see the application.</summary>
// Which application the user may see is decided by the handler (ApplicationAccess), answering 404 elsewhere.
[Allow(Audience.SignedIn)]
public sealed record DownloadApplicationDocument(Guid ApplicationId, Guid DocumentId) : IQuery<Result<DocumentDownload>>;

internal sealed class DownloadApplicationDocumentHandler(IPtceDbContext db, ICurrentUser user, IFileStore store)
    : IQueryHandler<DownloadApplicationDocument, Result<DocumentDownload>>
{
    public async ValueTask<Result<DocumentDownload>> Handle(DownloadApplicationDocument request, CancellationToken cancellationToken)
    {
        var id = new FundingApplicationId(request.ApplicationId);
        if (!await db.Applications.VisibleTo(db, user).AnyAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApplicationAccess.NotFound;
        }

        var document = await db.ApplicationDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == request.DocumentId && d.ApplicationId == id, cancellationToken).ConfigureAwait(false);
        return document is null
            ? Error.NotFound("document.not_found", "Ce document n'existe pas.")
            : new DocumentDownload(store.OpenRead(document.StorageKey), document.FileName, document.ContentType, document.Size);
    }
}
