using Microsoft.AspNetCore.Identity;
using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Infrastructure.Seeding;

/// <summary>
/// Creates the first platform administrator from the command line (<c>create-admin</c>).
/// Once one exists, further accounts are created in the application by an administrator.
/// </summary>
public sealed class FirstAdministrator(UserManager<AppUser> users, OperationContext operation, TimeProvider clock)
{
    public async Task<Result<Guid>> Create(string email, string displayName, string password, CancellationToken cancellationToken = default)
    {
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator).ConfigureAwait(false);
        if (administrators.Any(a => a.FunderId is null))
        {
            return Error.Conflict("admin.exists", "Un administrateur de la plateforme existe déjà ; créez les comptes suivants depuis l'application.");
        }

        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is not null)
        {
            return Error.Conflict("user.email_taken", "Un compte existe déjà avec cette adresse électronique.");
        }

        operation.Name = "CreateFirstAdministrator";
        var user = AppUser.New(email, displayName, null, clock.GetUtcNow());
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return Error.Validation("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var granted = await users.AddToRoleAsync(user, Roles.Administrator).ConfigureAwait(false);
        return granted.Succeeded ? user.Id : throw new InvalidOperationException("The administrator role could not be granted.");
    }
}
