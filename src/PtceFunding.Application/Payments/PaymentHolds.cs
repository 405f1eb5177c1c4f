namespace PtceFunding.Application.Payments;

/// <summary>
/// Whether an agreement's payments are held today: it is not in force, or one of its reports is overdue
/// (<see cref="ReportingRules.PaymentsHeld"/>, computed in SQL for many agreements at once).
/// </summary>
public static class PaymentHolds
{
    public static async Task<bool> PaymentsHeld(this IPtceDbContext db, Agreement agreement, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.PaymentsHeld
            || await db.Reports.Where(r => r.AgreementId == agreement.Id).AnyAsync(Report.Overdue.On(today), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The agreements among <paramref name="agreementIds"/> with an overdue report today.</summary>
    public static async Task<HashSet<AgreementId>> WithOverdueReports(this IPtceDbContext db, IReadOnlyCollection<AgreementId> agreementIds, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overdue = await db.Reports.AsNoTracking()
            .Where(r => agreementIds.Contains(r.AgreementId))
            .Where(Report.Overdue.On(today))
            .Select(r => r.AgreementId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. overdue];
    }
}
