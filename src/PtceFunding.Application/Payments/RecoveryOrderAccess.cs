namespace PtceFunding.Application.Payments;

/// <summary>Finance staff act on the recovery orders of their own funder only; anything else does not exist for them.</summary>
public static class RecoveryOrderAccess
{
    public static readonly Error NotFound = Error.NotFound("recovery_order.not_found", "Cet ordre de reversement n'existe pas.");

    /// <summary>The recovery order, tracked, when the caller is a finance officer of its funder.</summary>
    public static async Task<Result<RecoveryOrder>> FindRecoveryOrderForFinance(this IPtceDbContext db, ICurrentUser user, RecoveryOrderId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var order = await db.RecoveryOrders.FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        return order is null || user.UserId is null || !user.IsInRole(Roles.FinanceOfficer) || user.FunderId != order.FunderId
            ? NotFound
            : order;
    }
}
