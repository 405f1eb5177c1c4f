namespace PtceFunding.Application.Applications;

/// <summary>
/// The lead member sends the corrected application back: every rule of the version it was filed
/// under is checked again and all failures are answered at once; the officer who has the file is told.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record ResubmitApplication(Guid Id, int? ExpectedVersion) : ICommand<Result<int>>, IVersioned;

internal sealed class ResubmitApplicationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ResubmitApplication, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ResubmitApplication request, CancellationToken cancellationToken)
    {
        var filing = await ApplicationDrafts.ForFiling(db, user, request.Id, request, "Seul le chef de file redépose le dossier.", cancellationToken).ConfigureAwait(false);
        if (!filing.IsSuccess)
        {
            return filing.Error;
        }

        var userId = user.UserId!.Value;
        var (application, call, members, documents) = filing.Value;
        var now = clock.GetUtcNow();
        return db.VersionAfter(application, application.Resubmit(call, members, documents, userId, now));
    }
}
