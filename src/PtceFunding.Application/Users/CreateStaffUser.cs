using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Users;

/// <summary>
/// Creates the account of a staff member acting for a funder (or of a platform-wide administrator), without a password:
/// the person is e-mailed an invitation link to choose their own (ASVS V2.1: nobody else knows it). Retrying with the
/// same e-mail, role and funder answers the existing account, and sends the invitation again while no password is chosen.
/// </summary>
[Allow(Audience.Administrators)]
public sealed record CreateStaffUser(string Email, string DisplayName, string Role, Guid? FunderId) : ICommand<Result<Guid>>
{
    public override string ToString() => $"{nameof(CreateStaffUser)} {{ Email = {Email}, Role = {Role}, FunderId = {FunderId} }}";
}

internal sealed class CreateStaffUserValidator : AbstractValidator<CreateStaffUser>
{
    public CreateStaffUserValidator()
    {
        RuleFor(c => c.Email).IsEmailAddress();
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Le nom est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom ne peut dépasser 200 caractères.");
        RuleFor(c => c.Role).Must(Roles.IsStaff).WithMessage("Le rôle doit être un rôle d'agent (chargé de mission, expert, membre du comité, gestionnaire financier, administrateur).");
        RuleFor(c => c.FunderId).NotNull().When(c => Roles.RequiresFunder(c.Role)).WithMessage("Ce rôle s'exerce pour un financeur : choisissez-le.");
    }
}

internal sealed class CreateStaffUserHandler(IPtceDbContext db, ICurrentUser caller, IUserDirectory users, TimeProvider clock, ILinks links)
    : ICommandHandler<CreateStaffUser, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateStaffUser request, CancellationToken cancellationToken)
    {
        // A funder's administrator manages the staff of that funder only.
        if (!caller.IsPlatformAdministrator() && request.FunderId != caller.FunderId?.Value)
        {
            return Authorization.NotAllowed;
        }

        FunderId? funderId = request.FunderId is { } id ? new FunderId(id) : null;
        if (funderId is { } wanted && !await db.Funders.AnyAsync(f => f.Id == wanted, cancellationToken).ConfigureAwait(false))
        {
            return Error.Validation(nameof(request.FunderId), "Ce financeur n'existe pas.");
        }

        var existing = await users.FindByEmail(request.Email).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.FunderId != funderId || !await users.IsInRole(existing.Id, request.Role).ConfigureAwait(false))
            {
                return Error.Conflict("user.email_taken", "Un compte existe déjà avec cette adresse électronique.");
            }

            if (!existing.HasPassword)
            {
                await Invite(existing, request.Role, funderId, cancellationToken).ConfigureAwait(false);
            }

            return existing.Id;
        }

        var created = await users.Create(new NewAccount(request.Email, request.DisplayName, funderId, clock.GetUtcNow()), null, request.Role).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        var user = created.Value;
        await Invite(user, request.Role, funderId, cancellationToken).ConfigureAwait(false);
        return user.Id;
    }

    /// <summary>The invitation: a password-reset link that sets the first password (one per account and minute).</summary>
    private async Task Invite(UserAccount user, string role, FunderId? funderId, CancellationToken cancellationToken)
    {
        var funderName = funderId is { } fid
            ? await db.Funders.Where(f => f.Id == fid).Select(f => f.Name).SingleAsync(cancellationToken).ConfigureAwait(false)
            : "plateforme";
        var token = await users.PasswordResetToken(user.Id).ConfigureAwait(false);
        await AccountTokens.Send(
            db,
            user,
            new Notices.StaffInvitation(Role: Roles.Label(role), Funder: funderName) { Link = links.ResetPassword(user.Email!, AccountTokens.Encode(token)) },
            clock.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
    }
}
