namespace PtceFunding.Application.Payments;

/// <summary>
/// A finance officer of the organisation's territory, other than the one who entered them, approves bank
/// details: they become the details payments are ordered to, the previous approved ones are superseded,
/// and the organisation's verified users are told.
/// </summary>
[Allow(Audience.FinanceOfficers)]
public sealed record ApproveBankDetails(Guid Id, int? ExpectedVersion) : ICommand<Result>, IVersioned;

internal sealed class ApproveBankDetailsHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ApproveBankDetails, Result>
{
    public async ValueTask<Result> Handle(ApproveBankDetails request, CancellationToken cancellationToken)
    {
        var id = new BankAccountId(request.Id);
        var account = await db.BankAccounts.FirstOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false);
        var organisation = account is null ? null : await db.OrganisationForDecision(user, account, cancellationToken).ConfigureAwait(false);
        if (account is null || organisation is null)
        {
            return BankAccounts.NotFound;
        }

        if (db.VersionConflict(account, request) is { } conflict)
        {
            return conflict;
        }

        var approverId = user.UserId!.Value;
        var allowed = account.CanBeApprovedBy(approverId);
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        // The previous approved details step aside first (saved first: at most one approved per organisation).
        var now = clock.GetUtcNow();
        var previous = await db.BankAccounts
            .FirstOrDefaultAsync(b => b.OrganisationId == account.OrganisationId && b.Status == BankAccountStatus.Approved, cancellationToken).ConfigureAwait(false);
        if (previous is not null)
        {
            previous.Supersede(account, now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var approved = account.Approve(approverId, now);
        if (!approved.IsSuccess)
        {
            return approved;
        }

        return Result.Success();
    }
}
