namespace PtceFunding.Application.Users;

/// <summary>
/// The signed-in person changes their password, proving the current one. Every session and token of the account ends
/// (its security stamp changes), the one that asked included: the pages sign it in again at once, an API client asks
/// for a new token.
/// </summary>
[Allow(Audience.SignedIn)]
public sealed record ChangeMyPassword(string CurrentPassword, string NewPassword) : ICommand<Result>
{
    public override string ToString() => nameof(ChangeMyPassword);
}

internal sealed class ChangeMyPasswordValidator : AbstractValidator<ChangeMyPassword>
{
    public ChangeMyPasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Saisissez votre mot de passe actuel.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Le nouveau mot de passe est obligatoire.");
    }
}

internal sealed class ChangeMyPasswordHandler(IUserDirectory users, ICurrentUser user) : ICommandHandler<ChangeMyPassword, Result>
{
    public async ValueTask<Result> Handle(ChangeMyPassword request, CancellationToken cancellationToken) =>
        await users.ChangePassword(user.UserId!.Value, request.CurrentPassword, request.NewPassword).ConfigureAwait(false) switch
        {
            null => Result.Success(),
            { WrongCurrent: true } => Error.Validation(nameof(request.CurrentPassword), "Le mot de passe actuel est incorrect."),
            var refused => Error.Validation(nameof(request.NewPassword), refused.Password!),
        };
}
