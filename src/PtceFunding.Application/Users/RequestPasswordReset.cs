using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Users;

/// <summary>
/// Someone who forgot their password asks for a reset link by e-mail. The answer is the same
/// whether or not an account has this address, so that nobody can probe for accounts.
/// </summary>
// Public on purpose: the person asking cannot sign in, that is the point. The link only ever
// goes to the address on the account, and the answer never says whether the account exists.
[Allow(Audience.Anyone)]
public sealed record RequestPasswordReset(string Email) : ICommand<Result>;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator()
    {
        RuleFor(c => c.Email).IsEmailAddress();
    }
}

internal sealed class RequestPasswordResetHandler(IPtceDbContext db, IUserDirectory users, TimeProvider clock, ILinks links)
    : ICommandHandler<RequestPasswordReset, Result>
{
    public async ValueTask<Result> Handle(RequestPasswordReset request, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmail(request.Email.Trim()).ConfigureAwait(false);
        if (user?.Email is not { } email)
        {
            return Result.Success();
        }

        var token = await users.PasswordResetToken(user.Id).ConfigureAwait(false);
        await AccountTokens.Send(
            db, user, new Notices.PasswordReset { Link = links.ResetPassword(email, AccountTokens.Encode(token)) }, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Result.Success();
    }
}
