namespace PtceFunding.Application.Applications;

/// <summary>The lead member withdraws the application (draft or submitted) before any decision.</summary>
[Allow(Audience.Applicants)]
public sealed record WithdrawApplication(Guid Id, int? ExpectedVersion, string? Reason) : ICommand<Result<int>>, IVersioned;

internal sealed class WithdrawApplicationValidator : AbstractValidator<WithdrawApplication>
{
    public WithdrawApplicationValidator() => RuleFor(c => c.Reason).MaximumLength(1000).WithMessage("Le motif ne peut dépasser 1 000 caractères.");
}

internal sealed class WithdrawApplicationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<WithdrawApplication, Result<int>>
{
    public async ValueTask<Result<int>> Handle(WithdrawApplication request, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var application = await db.Applications.EditableBy(db, userId)
            .FirstOrDefaultAsync(a => a.Id == new FundingApplicationId(request.Id), cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (!await db.ActsForLeadMember(application, userId, cancellationToken).ConfigureAwait(false))
        {
            return Error.Forbidden("application.lead_member_only", "Seul le chef de file retire le dossier.");
        }

        if (db.VersionConflict(application, request) is { } conflict)
        {
            return conflict;
        }

        return db.VersionAfter(application, application.Withdraw(request.Reason ?? "", clock.GetUtcNow()));
    }
}
