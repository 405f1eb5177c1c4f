using PtceFunding.Application.Documents;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// A verified user of the agreement's lead member attaches a document of a type the report requires (e.g. the approved
/// accounts), replacing the one given before for that type; size and type are checked like application documents
/// before anything is stored, and the replaced file's bytes go once the change is committed.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record UploadReportAttachment(Guid ReportId, string Type, string FileName, long DeclaredLength, Stream Content) : ICommand<Result<ReportAttachmentView>>;

internal sealed class UploadReportAttachmentValidator : AbstractValidator<UploadReportAttachment>
{
    public UploadReportAttachmentValidator()
    {
        RuleFor(c => c.Type).NotEmpty().WithMessage("Indiquez le type de pièce.").MaximumLength(64).WithMessage("Le type de pièce compte au plus 64 caractères.");
        RuleFor(c => c.FileName).NotEmpty().WithMessage("Le fichier n'a pas de nom.");
        RuleFor(c => c.DeclaredLength).GreaterThan(0).WithMessage("Le fichier est vide.").OverridePropertyName("file");
    }
}

internal sealed class UploadReportAttachmentHandler(
    IPtceDbContext db, ICurrentUser user, TimeProvider clock, DocumentIntake intake, IFileStore store, IUnitOfWork unitOfWork)
    : ICommandHandler<UploadReportAttachment, Result<ReportAttachmentView>>
{
    public async ValueTask<Result<ReportAttachmentView>> Handle(UploadReportAttachment request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForLeadMember(user, request.ReportId, edit: null, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var report = found.Value.Report;
        var now = clock.GetUtcNow();
        var today = now.Today();
        var type = request.Type.Trim();

        // Refused before the file is read when the report cannot take it anyway.
        if (report.AttachmentError(type, today) is { } refused)
        {
            return refused;
        }

        var accepted = await intake.Accept(request.FileName, request.DeclaredLength, request.Content, cancellationToken).ConfigureAwait(false);
        if (!accepted.IsSuccess)
        {
            return accepted.Error;
        }

        var (fileName, contentType, file) = accepted.Value;
        var attachment = new ReportAttachment(Guid.CreateVersion7(), type, fileName, contentType, file.Size, file.Sha256, file.Key, user.UserId!.Value, now.UtcDateTime);
        var attached = report.Attach(attachment, today);
        if (!attached.IsSuccess)
        {
            return attached.Error;
        }

        if (attached.Value is { } replaced)
        {
            unitOfWork.OnCommitted(() => store.Delete(replaced.StorageKey, CancellationToken.None));
        }

        return GetReportHandler.AttachmentView(attachment);
    }
}
