using PtceFunding.Application.Notifications;

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

internal sealed class ChangeMyPasswordHandler(IPtceDbContext db, IUserDirectory users, ICurrentUser user, TimeProvider clock, ILinks links)
    : ICommandHandler<ChangeMyPassword, Result>
{
    public async ValueTask<Result> Handle(ChangeMyPassword request, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        switch (await users.ChangePassword(userId, request.CurrentPassword, request.NewPassword).ConfigureAwait(false))
        {
            case null:
                await PasswordChangeNotice.Send(db, users, links, userId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return Result.Success();
            case { WrongCurrent: true }:
                return Error.Validation(nameof(request.CurrentPassword), "Le mot de passe actuel est incorrect.");
            case var refused:
                return Error.Validation(nameof(request.NewPassword), refused.Password!);
        }
    }
}

/// <summary>Tells the owner that their password changed (ASVS V2.2.3), after a change or a reset.</summary>
internal static class PasswordChangeNotice
{
    public static async Task Send(IPtceDbContext db, IUserDirectory users, ILinks links, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await users.FindById(userId).ConfigureAwait(false) is not { Email: { } email } account)
        {
            return;
        }

        await db.Enqueue(
            new OutgoingNotification(
                account.Id,
                email,
                new Notices.PasswordChanged(FrenchFormat.DateTime(now, PlatformTime.TimeZoneId)) { Name = account.DisplayName, Link = links.SignIn() },
                NotificationChannels.Email,
                $"{nameof(Notices.PasswordChanged)}:{account.Id}:{now:yyyyMMddHHmmss}"),
            now,
            cancellationToken).ConfigureAwait(false);
    }
}
