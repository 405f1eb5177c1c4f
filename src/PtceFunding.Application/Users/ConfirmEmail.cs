namespace PtceFunding.Application.Users;

/// <summary>Confirms the e-mail address of an account with the token of the link sent to it.</summary>
// Public on purpose: the link is opened from a mailbox, often on a device where nobody is
// signed in; the token is the credential, and the handler checks it.
[Allow(Audience.Anyone)]
public sealed record ConfirmEmail(Guid UserId, string Token) : ICommand<Result>;

internal sealed class ConfirmEmailValidator : AbstractValidator<ConfirmEmail>
{
    public ConfirmEmailValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().WithMessage(AccountTokens.ExpiredMessage);
        RuleFor(c => c.Token).NotEmpty().WithMessage(AccountTokens.ExpiredMessage);
    }
}

internal sealed class ConfirmEmailHandler(IUserDirectory users) : ICommandHandler<ConfirmEmail, Result>
{
    public async ValueTask<Result> Handle(ConfirmEmail request, CancellationToken cancellationToken)
    {
        var token = AccountTokens.Decode(request.Token);
        return token is not null && await users.ConfirmEmail(request.UserId, token).ConfigureAwait(false)
            ? Result.Success()
            : AccountTokens.Expired(nameof(request.Token));
    }
}
