namespace PtceFunding.Application.Reviews;

/// <summary>
/// A program officer takes the file (no <see cref="OfficerId"/>), or hands it to another program
/// officer of the same funder; the history keeps every assignment.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record AssignApplication(Guid Id, int? ExpectedVersion, Guid? OfficerId) : ICommand<Result<int>>, IVersioned;

internal sealed class AssignApplicationHandler(IPtceDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock)
    : ICommandHandler<AssignApplication, Result<int>>
{
    public async ValueTask<Result<int>> Handle(AssignApplication request, CancellationToken cancellationToken) =>
        await db.ApplicationToReview(user, request.Id, request, cancellationToken)
            .Then(async application =>
            {
                var officer = await users.FindInRole(request.OfficerId ?? user.UserId!.Value, Roles.ProgramOfficer).ConfigureAwait(false);
                if (officer is null || officer.FunderId is null || officer.FunderId != user.FunderId)
                {
                    return Error.RuleBroken("assignment.officer_invalid", "Le dossier ne peut être confié qu'à un chargé de mission de votre financeur.");
                }

                return db.VersionAfter(application, application.Assign(officer.Id, officer.DisplayName, user.UserId!.Value, clock.GetUtcNow()));
            })
            .ConfigureAwait(false);
}
