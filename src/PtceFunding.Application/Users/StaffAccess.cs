namespace PtceFunding.Application.Users;

/// <summary>
/// Whose account an administrator manages: a staff member (never an applicant) of the administrator's funder, or of any
/// funder for a platform administrator; never their own account (nobody removes their own access by mistake).
/// Other accounts do not exist, as far as they can tell.
/// </summary>
internal static class StaffAccess
{
    public static readonly Error NotFound = Error.NotFound("user.not_found", "Ce compte n'existe pas.");

    public static async Task<Result<UserAccount>> ManagedStaff(this IUserDirectory users, ICurrentUser caller, Guid userId)
    {
        if (userId == caller.UserId)
        {
            return Error.RuleBroken("user.own_account", "Vous ne pouvez pas modifier le rôle, l'activation ni la double authentification de votre propre compte ici : demandez-le à un autre administrateur.");
        }

        var account = await users.FindById(userId).ConfigureAwait(false);
        if (account is null || (!caller.IsPlatformAdministrator() && (account.FunderId is null || account.FunderId != caller.FunderId)))
        {
            return NotFound;
        }

        return (await users.RolesOf(userId).ConfigureAwait(false)).Any(Roles.IsStaff) ? account : NotFound;
    }
}
