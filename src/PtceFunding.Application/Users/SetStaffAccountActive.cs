namespace PtceFunding.Application.Users;

/// <summary>
/// An administrator deactivates a staff member's account (someone who left), or reactivates it. A deactivated account
/// cannot sign in and its sessions and tokens end at once; its past work and audit trail stay. Idempotent.
/// </summary>
[Allow(Audience.Administrators)]
public sealed record SetStaffAccountActive(Guid UserId, bool Active) : ICommand<Result>;

internal sealed class SetStaffAccountActiveHandler(IUserDirectory users, ICurrentUser caller, TimeProvider clock) : ICommandHandler<SetStaffAccountActive, Result>
{
    public async ValueTask<Result> Handle(SetStaffAccountActive request, CancellationToken cancellationToken)
    {
        var staff = await users.ManagedStaff(caller, request.UserId).ConfigureAwait(false);
        if (!staff.IsSuccess)
        {
            return staff.Error;
        }

        await users.SetActive(request.UserId, request.Active, clock.GetUtcNow()).ConfigureAwait(false);
        return Result.Success();
    }
}
