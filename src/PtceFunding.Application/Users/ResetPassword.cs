namespace PtceFunding.Application.Users;

/// <summary>
/// Sets a new password with the token of a reset link. The account is unlocked too: whoever
/// proves they read its mailbox may sign in again at once.
/// </summary>
// Public on purpose: the person has no password to sign in with; the token from the e-mail
// is the credential, and the handler checks it.
[Allow(Audience.Anyone)]
public sealed record ResetPassword(string Email, string Token, string NewPassword) : ICommand<Result>
{
    public override string ToString() => $"{nameof(ResetPassword)} {{ Email = {Email} }}";
}

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("L'adresse électronique est obligatoire.");
        RuleFor(c => c.Token).NotEmpty().WithMessage(AccountTokens.ExpiredMessage);
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Le nouveau mot de passe est obligatoire.");
    }
}

internal sealed class ResetPasswordHandler(IPtceDbContext db, IUserDirectory users, TimeProvider clock, ILinks links) : ICommandHandler<ResetPassword, Result>
{
    public async ValueTask<Result> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmail(request.Email.Trim()).ConfigureAwait(false);
        var token = AccountTokens.Decode(request.Token);
        if (user is null || token is null)
        {
            // An unknown address is refused like a bad token: the link is what is wrong.
            return AccountTokens.Expired(nameof(request.Token));
        }

        switch (await users.ResetPassword(user.Id, token, request.NewPassword).ConfigureAwait(false))
        {
            case null:
                await PasswordChangeNotice.Send(db, users, links, user.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return Result.Success();
            case { Password: { } refused }:
                return Error.Validation(nameof(request.NewPassword), refused);
            default:
                return AccountTokens.Expired(nameof(request.Token));
        }
    }
}
