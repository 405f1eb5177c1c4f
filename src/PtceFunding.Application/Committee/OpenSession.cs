namespace PtceFunding.Application.Committee;

/// <summary>
/// The meeting starts: decisions may be recorded, conflict declarations are closed. Conducted by the
/// program officers and administrators of the call's funders (the committee's secretariat), not by its members.
/// </summary>
[Allow(Audience.Instructors)]
public sealed record OpenSession(Guid SessionId) : ICommand<Result<int>>;

internal sealed class OpenSessionHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<OpenSession, Result<int>>
{
    public async ValueTask<Result<int>> Handle(OpenSession request, CancellationToken cancellationToken)
    {
        var found = await db.FindSession(user, request.SessionId, cancellationToken).ConfigureAwait(false);
        if (found is not { } sessionAndCall || !user.Conducts(sessionAndCall.Call))
        {
            return CommitteeAccess.NotFound;
        }

        var opened = sessionAndCall.Session.Open(clock.GetUtcNow());
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        return db.VersionOnceSaved(sessionAndCall.Session);
    }
}
