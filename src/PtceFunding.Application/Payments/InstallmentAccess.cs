namespace PtceFunding.Application.Payments;

/// <summary>Finance staff act on the installments of their own funder only; anything else does not exist for them.</summary>
public static class InstallmentAccess
{
    public static readonly Error NotFound = Error.NotFound("installment.not_found", "Cette échéance n'existe pas.");

    /// <summary>The installment (tracked, with its payments) and its agreement, when the caller handles its funder's money.</summary>
    public static async Task<Result<(Installment Installment, Agreement Agreement)>> FindInstallmentForFinance(
        this IPtceDbContext db, ICurrentUser user, InstallmentId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var installment = await db.Installments.Include(i => i.Payments).FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        if (installment is null || user.UserId is null || user.FunderId != installment.FunderId)
        {
            return NotFound;
        }

        var agreement = await db.Agreements.AsNoTracking().FirstAsync(a => a.Id == installment.AgreementId, cancellationToken).ConfigureAwait(false);
        return (installment, agreement);
    }
}
