using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Users;

/// <summary>
/// Someone opens their own applicant account. The address must be confirmed (by the link e-mailed
/// to it) before the account can sign in. The answer is the same whether or not the address already
/// has an account: its owner is then e-mailed "vous avez déjà un compte" (or, for an account still
/// unconfirmed, a new confirmation link), and nothing else changes.
/// </summary>
// Public on purpose: this is how an applicant gets an account. The answer never reveals whether
// the address has one, and the account cannot sign in until its address is confirmed.
[Allow(Audience.Anyone)]
public sealed record RegisterApplicant(string Email, string DisplayName, string Password, bool AcceptsTerms) : ICommand<Result>
{
    public override string ToString() => $"{nameof(RegisterApplicant)} {{ Email = {Email} }}";
}

internal sealed class RegisterApplicantValidator : AbstractValidator<RegisterApplicant>
{
    public RegisterApplicantValidator()
    {
        RuleFor(c => c.Email).IsEmailAddress();
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Indiquez vos prénom et nom.")
            .MaximumLength(200).WithMessage("Le nom ne peut dépasser 200 caractères.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Le mot de passe est obligatoire.");
        RuleFor(c => c.AcceptsTerms).Equal(true).WithMessage("Vous devez accepter les conditions générales d'utilisation pour créer un compte.");
    }
}

internal sealed class RegisterApplicantHandler(IPtceDbContext db, IUserDirectory users, TimeProvider clock, ILinks links)
    : ICommandHandler<RegisterApplicant, Result>
{
    public async ValueTask<Result> Handle(RegisterApplicant request, CancellationToken cancellationToken)
    {
        // The password is judged first, alone: a weak password is refused the same way for a new
        // address and for one that has an account.
        if (await users.PasswordProblem(request.Password, request.Email.Trim(), request.DisplayName).ConfigureAwait(false) is { } weak)
        {
            return Error.Validation(nameof(request.Password), weak);
        }

        var email = request.Email.Trim();
        var now = clock.GetUtcNow();
        var existing = await users.FindByEmail(email).ConfigureAwait(false);
        if (existing is not null)
        {
            users.HashAndForget(request.Password);
            await TellTheOwner(existing, now, cancellationToken).ConfigureAwait(false);
            return Result.Success();
        }

        var created = await users.Create(new NewAccount(email, request.DisplayName, null, now, SelfRegistered: true), request.Password, Roles.Applicant).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        await SendConfirmation(created.Value, now, cancellationToken).ConfigureAwait(false);
        return Result.Success();
    }

    private async Task TellTheOwner(UserAccount owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!owner.EmailConfirmed)
        {
            // Registering again is how someone who lost the first link asks for another.
            await SendConfirmation(owner, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        await db.Enqueue(
            new OutgoingNotification(
                owner.Id,
                owner.Email!,
                new Notices.AccountAlreadyExists { Name = owner.DisplayName, Link = links.SignIn() },
                NotificationChannels.Email,
                $"{nameof(Notices.AccountAlreadyExists)}:{owner.Id}:{now:yyyyMMddHHmm}"),
            now,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task SendConfirmation(UserAccount user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = await users.EmailConfirmationToken(user.Id).ConfigureAwait(false);
        await AccountTokens.Send(
            db, user, new Notices.EmailConfirmation { Link = links.ConfirmEmail(user.Id, AccountTokens.Encode(token)) }, now, cancellationToken).ConfigureAwait(false);
    }
}
