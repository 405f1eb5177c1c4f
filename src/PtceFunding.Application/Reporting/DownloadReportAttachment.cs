using PtceFunding.Application.Documents;

namespace PtceFunding.Application.Reporting;

/// <summary>The bytes of a document attached to a report, for whoever sees its agreement.</summary>
[Allow(Audience.AgreementReaders)]
public sealed record DownloadReportAttachment(Guid ReportId, Guid AttachmentId) : IQuery<Result<DocumentDownload>>;

internal sealed class DownloadReportAttachmentHandler(IPtceDbContext db, ICurrentUser user, IFileStore store)
    : IQueryHandler<DownloadReportAttachment, Result<DocumentDownload>>
{
    public async ValueTask<Result<DocumentDownload>> Handle(DownloadReportAttachment request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForReader(user, request.ReportId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var attachment = found.Value.Report.Attachments.FirstOrDefault(a => a.Id == request.AttachmentId);
        return attachment is null
            ? Error.NotFound("document.not_found", "Ce document n'existe pas.")
            : new DocumentDownload(store.OpenRead(attachment.StorageKey), attachment.FileName, attachment.ContentType, attachment.Size);
    }
}
