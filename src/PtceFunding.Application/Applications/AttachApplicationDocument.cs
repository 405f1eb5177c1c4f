using PtceFunding.Application.Documents;

namespace PtceFunding.Application.Applications;

/// <summary>
/// The consortium attaches a file to its draft, for one of the call's required documents (which
/// replaces the file given before for it) or as another attachment. Size and type are checked
/// before anything is stored.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record AttachApplicationDocument(
    Guid ApplicationId, string? RequiredDocumentCode, string FileName, long DeclaredLength, Stream Content) : ICommand<Result<ApplicationDocumentLine>>;

internal sealed class AttachApplicationDocumentValidator : AbstractValidator<AttachApplicationDocument>
{
    public AttachApplicationDocumentValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().WithMessage("Le fichier n'a pas de nom.");
        RuleFor(c => c.DeclaredLength).GreaterThan(0).WithMessage("Le fichier est vide.").OverridePropertyName("file");
        RuleFor(c => c.RequiredDocumentCode).MaximumLength(64).WithMessage("Le code de pièce ne peut dépasser 64 caractères.");
    }
}

internal sealed class AttachApplicationDocumentHandler(
    IPtceDbContext db, ICurrentUser user, TimeProvider clock, DocumentIntake intake, IFileStore store, IUnitOfWork unitOfWork)
    : ICommandHandler<AttachApplicationDocument, Result<ApplicationDocumentLine>>
{
    public async ValueTask<Result<ApplicationDocumentLine>> Handle(AttachApplicationDocument request, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var id = new FundingApplicationId(request.ApplicationId);
        var application = await db.Applications.EditableBy(db, userId).FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (!ApplicationWorkflow.IsEditableByConsortium(application.Status))
        {
            return Error.RuleBroken("application.frozen", "Un dossier déposé ne se modifie plus.");
        }

        string? code = null;
        if (!string.IsNullOrWhiteSpace(request.RequiredDocumentCode))
        {
            var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == application.CallId, cancellationToken).ConfigureAwait(false);
            var required = call.RulesOfVersion(application.RulesVersion).Documents
                .FirstOrDefault(d => string.Equals(d.Code, request.RequiredDocumentCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (required is null)
            {
                return Error.Validation("requiredDocumentCode", $"L'appel ne demande pas de pièce « {request.RequiredDocumentCode.Trim()} ».");
            }

            code = required.Code;
        }

        var accepted = await intake.Accept(request.FileName, request.DeclaredLength, request.Content, cancellationToken).ConfigureAwait(false);
        if (!accepted.IsSuccess)
        {
            return accepted.Error;
        }

        if (code is not null)
        {
            // The latest file given for a required document replaces the previous one, whose bytes go once the change is committed.
            var replaced = await db.ApplicationDocuments.Where(d => d.ApplicationId == id && d.RequiredDocumentCode == code).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var old in replaced)
            {
                db.ApplicationDocuments.Remove(old);
                unitOfWork.OnCommitted(() => store.Delete(old.StorageKey, CancellationToken.None));
            }
        }

        var (fileName, contentType, file) = accepted.Value;
        var document = ApplicationDocument.Attach(id, code, fileName, contentType, file.Size, file.Sha256, file.Key, userId, clock.GetUtcNow());
        db.ApplicationDocuments.Add(document);
        return ApplicationDocumentLine.Of(document);
    }
}
