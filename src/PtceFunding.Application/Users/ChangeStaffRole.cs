namespace PtceFunding.Application.Users;

/// <summary>
/// An administrator gives a staff member of their funder another role (a platform administrator, of any funder). The
/// person's sessions and tokens end at once: they sign in again with the new role. Giving the role they already hold
/// changes nothing.
/// </summary>
[Allow(Audience.Administrators)]
public sealed record ChangeStaffRole(Guid UserId, string Role) : ICommand<Result>;

internal sealed class ChangeStaffRoleValidator : AbstractValidator<ChangeStaffRole>
{
    public ChangeStaffRoleValidator()
    {
        RuleFor(c => c.Role).Must(Roles.IsStaff).WithMessage("Le rôle doit être un rôle d'agent (chargé de mission, expert, membre du comité, gestionnaire financier, administrateur).");
    }
}

internal sealed class ChangeStaffRoleHandler(IUserDirectory users, ICurrentUser caller) : ICommandHandler<ChangeStaffRole, Result>
{
    public async ValueTask<Result> Handle(ChangeStaffRole request, CancellationToken cancellationToken)
    {
        var staff = await users.ManagedStaff(caller, request.UserId).ConfigureAwait(false);
        if (!staff.IsSuccess)
        {
            return staff.Error;
        }

        if (staff.Value.FunderId is null && Roles.RequiresFunder(request.Role))
        {
            return Error.Validation(nameof(request.Role), "Ce rôle s'exerce pour un financeur, et ce compte n'en a pas.");
        }

        if (await users.RolesOf(request.UserId).ConfigureAwait(false) is [var only] && only == request.Role)
        {
            return Result.Success();
        }

        await users.ChangeRole(request.UserId, request.Role).ConfigureAwait(false);
        return Result.Success();
    }
}
