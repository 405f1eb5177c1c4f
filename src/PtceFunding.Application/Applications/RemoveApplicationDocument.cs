namespace PtceFunding.Application.Applications;

/// <summary>The consortium removes a file from its draft; its bytes leave the store once the removal is committed.</summary>
[Allow(Audience.Applicants)]
public sealed record RemoveApplicationDocument(Guid ApplicationId, Guid DocumentId) : ICommand<Result>;

internal sealed class RemoveApplicationDocumentHandler(IPtceDbContext db, ICurrentUser user, IFileStore store, IUnitOfWork unitOfWork)
    : ICommandHandler<RemoveApplicationDocument, Result>
{
    public async ValueTask<Result> Handle(RemoveApplicationDocument request, CancellationToken cancellationToken)
    {
        var id = new FundingApplicationId(request.ApplicationId);
        var application = await db.Applications.EditableBy(db, user.UserId!.Value).AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        var document = application is null
            ? null
            : await db.ApplicationDocuments.FirstOrDefaultAsync(d => d.Id == request.DocumentId && d.ApplicationId == id, cancellationToken).ConfigureAwait(false);
        if (application is null || document is null)
        {
            return application is null ? ApplicationAccess.NotFound : Error.NotFound("document.not_found", "Ce document n'existe pas.");
        }

        if (!ApplicationWorkflow.IsEditableByConsortium(application.Status))
        {
            return Error.RuleBroken("application.frozen", "Un dossier déposé ne se modifie plus.");
        }

        db.ApplicationDocuments.Remove(document);
        unitOfWork.OnCommitted(() => store.Delete(document.StorageKey, CancellationToken.None));
        return Result.Success();
    }
}
