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
        var found = await db.BankAccountToDecide(user, request.Id, request, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var account = found.Value;
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

        return account.Approve(approverId, now);
    }
}
