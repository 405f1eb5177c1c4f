using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Users;

/// <summary>
/// Creates the account of a staff member acting for a funder (or of a platform-wide administrator).
/// Retrying with the same e-mail, role and funder answers the existing account.
/// </summary>
[Allow(Audience.Administrators)]
public sealed record CreateStaffUser(string Email, string DisplayName, string Role, Guid? FunderId, string InitialPassword) : ICommand<Result<Guid>>
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
        RuleFor(c => c.InitialPassword).NotEmpty().WithMessage("Le mot de passe initial est obligatoire.");
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
            return existing.FunderId == funderId && await users.IsInRole(existing.Id, request.Role).ConfigureAwait(false)
                ? existing.Id
                : Error.Conflict("user.email_taken", "Un compte existe déjà avec cette adresse électronique.");
        }

        var created = await users.Create(new NewAccount(request.Email, request.DisplayName, funderId, clock.GetUtcNow()), request.InitialPassword, request.Role).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return Error.Validation(nameof(request.InitialPassword), created.Error.FieldErrors.Values.SelectMany(m => m).First());
        }

        var user = created.Value;

        var funderName = funderId is { } fid
            ? await db.Funders.Where(f => f.Id == fid).Select(f => f.Name).SingleAsync(cancellationToken).ConfigureAwait(false)
            : "plateforme";
        await db.Enqueue(
            new OutgoingNotification(
                user.Id,
                request.Email,
                new Notices.StaffAccountCreated(Role: Roles.Label(request.Role), Funder: funderName) { Name = user.DisplayName, Link = links.SignIn() },
                NotificationChannels.EmailAndInApp,
                $"staff-account-created:{user.Id}"),
            clock.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
        return user.Id;
    }
}
