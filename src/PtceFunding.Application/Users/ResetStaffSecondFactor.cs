namespace PtceFunding.Application.Users;

/// <summary>
/// An administrator resets the second factor of a staff member of their funder who lost both their authenticator
/// application and their recovery codes (never their own). The person's sessions and tokens end; they sign in again
/// with their password and enrol a new application before doing anything else (docs/adr/0032).
/// </summary>
[Allow(Audience.Administrators)]
public sealed record ResetStaffSecondFactor(Guid UserId) : ICommand<Result>;

internal sealed class ResetStaffSecondFactorHandler(IUserDirectory users, ICurrentUser caller) : ICommandHandler<ResetStaffSecondFactor, Result>
{
    public async ValueTask<Result> Handle(ResetStaffSecondFactor request, CancellationToken cancellationToken)
    {
        var staff = await users.ManagedStaff(caller, request.UserId).ConfigureAwait(false);
        if (!staff.IsSuccess)
        {
            return staff.Error;
        }

        await users.ResetSecondFactor(request.UserId).ConfigureAwait(false);
        return Result.Success();
    }
}
