using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Users;

/// <summary>The signed-in user asks for a link that confirms the e-mail address of their account.</summary>
[Allow(Audience.SignedIn)]
public sealed record SendEmailConfirmation : ICommand<Result>;

internal sealed class SendEmailConfirmationHandler(
    IPtceDbContext db, IUserDirectory users, ICurrentUser current, TimeProvider clock, ILinks links)
    : ICommandHandler<SendEmailConfirmation, Result>
{
    public async ValueTask<Result> Handle(SendEmailConfirmation request, CancellationToken cancellationToken)
    {
        var user = current.UserId is { } id ? await users.FindById(id).ConfigureAwait(false) : null;
        if (user?.Email is not { } email)
        {
            return Error.NotFound("user.not_found", "Ce compte n'existe plus.");
        }

        if (user.EmailConfirmed)
        {
            return Error.RuleBroken("user.email_already_confirmed", "Votre adresse électronique est déjà confirmée.");
        }

        var token = await users.EmailConfirmationToken(user.Id).ConfigureAwait(false);
        await AccountTokens.Send(
            db, user, new Notices.EmailConfirmation { Link = links.ConfirmEmail(user.Id, AccountTokens.Encode(token)) }, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Result.Success();
    }
}
