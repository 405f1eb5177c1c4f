using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Users;

/// <summary>
/// Someone who cannot sign in because their address is unconfirmed asks for a new confirmation
/// link. The answer is the same whatever the address: a link is sent only to an account whose
/// address is still unconfirmed.
/// </summary>
// Public on purpose: an unconfirmed account cannot sign in to ask. The link only goes to the
// address on the account, and the answer never says whether there is one.
[Allow(Audience.Anyone)]
public sealed record RequestEmailConfirmation(string Email) : ICommand<Result>;

internal sealed class RequestEmailConfirmationValidator : AbstractValidator<RequestEmailConfirmation>
{
    public RequestEmailConfirmationValidator() =>
        RuleFor(c => c.Email).IsEmailAddress();
}

internal sealed class RequestEmailConfirmationHandler(IPtceDbContext db, IUserDirectory users, TimeProvider clock, ILinks links)
    : ICommandHandler<RequestEmailConfirmation, Result>
{
    public async ValueTask<Result> Handle(RequestEmailConfirmation request, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmail(request.Email.Trim()).ConfigureAwait(false);
        if (user is null || user.EmailConfirmed)
        {
            return Result.Success();
        }

        var token = await users.EmailConfirmationToken(user.Id).ConfigureAwait(false);
        await AccountTokens.Send(
            db, user, new Notices.EmailConfirmation { Link = links.ConfirmEmail(user.Id, AccountTokens.Encode(token)) }, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Result.Success();
    }
}
