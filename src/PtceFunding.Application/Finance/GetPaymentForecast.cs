using PtceFunding.Application.Payments;

namespace PtceFunding.Application.Finance;

/// <summary>
/// The payments expected in each of the next <see cref="Months"/> months from the clock's month, across the signed and
/// active agreements of the funders the caller sees: what remains to pay of every installment neither paid nor cancelled
/// (planned or ordered), in the month of its date; those whose date is already past fall in the first month. An
/// installment whose release condition is not met (a balance awaiting its reports' approval) or whose agreement's payments are held (an overdue report) counts as
/// <see cref="PaymentForecastMonth.Blocked"/>, the others as <see cref="PaymentForecastMonth.Due"/>. Always 24 rows.
/// </summary>
[Allow(Audience.FinanceReaders)]
public sealed record GetPaymentForecast(Guid? FunderId = null) : IQuery<Result<PaymentForecast>>
{
    public const int Months = 24;
}

public sealed record PaymentForecast(DateOnly From, IReadOnlyList<PaymentForecastMonth> Months, decimal Due, decimal Blocked, decimal Total);

/// <summary>A month (its first day): the amounts payable without condition, those waiting for a condition, their sum and the installments counted.</summary>
public sealed record PaymentForecastMonth(DateOnly Month, decimal Due, decimal Blocked, decimal Total, int Installments);

internal sealed class GetPaymentForecastHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPaymentForecast, Result<PaymentForecast>>
{
    public async ValueTask<Result<PaymentForecast>> Handle(GetPaymentForecast request, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var first = new DateOnly(today.Year, today.Month, 1);
        var lines = await db.Load(user, request.FunderId, cancellationToken).ConfigureAwait(false);
        var overdue = await db.WithOverdueReports([.. lines.Select(l => l.Agreement.Id).Distinct()], today, cancellationToken).ConfigureAwait(false);
        var expected = lines
            .Where(l => Agreement.InForce.IsSatisfiedBy(l.Agreement))
            .SelectMany(l => l.Installments.Select(i => (Installment: i, PaymentsHeld: l.Agreement.PaymentsHeld || overdue.Contains(l.Agreement.Id))))
            .Where(x => x.Installment.State is InstallmentState.Planned or InstallmentState.Ordered && x.Installment.Remaining > 0)
            .Select(x => (
                Month: MonthIndex(first, x.Installment.DueFrom),
                x.Installment.Remaining,
                Blocked: x.Installment.State == InstallmentState.Planned && (!x.Installment.IsReleased || x.PaymentsHeld)))
            .Where(x => x.Month < GetPaymentForecast.Months)
            .ToLookup(x => x.Month);
        var months = Enumerable.Range(0, GetPaymentForecast.Months)
            .Select(i =>
            {
                var due = expected[i].Where(x => !x.Blocked).Sum(x => x.Remaining);
                var blocked = expected[i].Where(x => x.Blocked).Sum(x => x.Remaining);
                return new PaymentForecastMonth(first.AddMonths(i), due, blocked, due + blocked, expected[i].Count());
            })
            .ToList();
        return new PaymentForecast(first, months, months.Sum(m => m.Due), months.Sum(m => m.Blocked), months.Sum(m => m.Total));
    }

    /// <summary>Months from <paramref name="first"/> to the month of <paramref name="date"/>; 0 for a date already past.</summary>
    private static int MonthIndex(DateOnly first, DateOnly date) => Math.Max(0, ((date.Year - first.Year) * 12) + date.Month - first.Month);
}
