namespace PtceFunding.Application.Finance;

/// <summary>
/// Whose money the finance views show: finance staff and funder administrators see their own funder's shares only;
/// national staff and platform administrators (a national territory) see every funder and may narrow to one.
/// </summary>
public static class FinanceScope
{
    /// <summary>The funders shown to <paramref name="user"/> for the optional <paramref name="funderFilter"/>; null: every funder.</summary>
    internal static IReadOnlySet<FunderId>? FundersShown(this ICurrentUser user, Guid? funderFilter)
    {
        if (user.Territory.IsNational)
        {
            return funderFilter is { } only ? new HashSet<FunderId> { new(only) } : null;
        }

        if (user.FunderId is not { } own || (funderFilter is { } asked && asked != own.Value))
        {
            return new HashSet<FunderId>();
        }

        return new HashSet<FunderId> { own };
    }
}

/// <summary>
/// One funder's share of one agreement in force or ended (any status but draft), as the finance views count it.
/// <list type="bullet">
/// <item><b>Committed</b> per budget year: the funder's yearly amounts under the agreement's current terms, each agreement
/// year counted in the calendar year it starts in (exact for the default calendar years; an anniversary year is counted in
/// the year of its first day). For an agreement terminated early, what remains due under <see cref="PaymentSchedule.DueByYearOnTermination"/>.</item>
/// <item><b>Paid</b> per budget year: the payments made, by the year of their payment date, less the sums paid back on
/// recovery orders, by the year they were received.</item>
/// <item><b>Remaining</b>: committed − paid. Over a whole share it is what the funder still has to pay; for one budget
/// year it may be negative when a year's share was paid earlier (the first advance is paid at signature, often the
/// year before the first agreement year).</item>
/// </list>
/// </summary>
internal sealed record FundingLine(
    Agreement Agreement,
    FunderId FunderId,
    string FunderName,
    IReadOnlyList<YearAmount> CommittedByYear,
    IReadOnlyList<Installment> Installments,
    IReadOnlyList<DatedAmount> Payments,
    IReadOnlyList<DatedAmount> Recovered)
{
    public decimal Committed => CommittedByYear.Sum(c => c.Amount);

    public decimal Paid => Payments.Sum(p => p.Amount) - Recovered.Sum(r => r.Amount);

    public decimal Remaining => Committed - Paid;

    public decimal CommittedIn(int year) => CommittedByYear.Where(c => c.Year == year).Sum(c => c.Amount);

    public decimal PaidIn(int year) => Payments.Where(p => p.On.Year == year).Sum(p => p.Amount) - Recovered.Where(r => r.On.Year == year).Sum(r => r.Amount);

    public IEnumerable<int> Years => CommittedByYear.Select(c => c.Year).Concat(Payments.Select(p => p.On.Year)).Concat(Recovered.Select(r => r.On.Year)).Distinct();
}

internal sealed record YearAmount(int Year, decimal Amount);

internal sealed record DatedAmount(DateOnly On, decimal Amount);

/// <summary>Loads the <see cref="FundingLine"/>s the caller sees; every finance view is a grouping of them.</summary>
internal static class FundingLedger
{
    public static async Task<IReadOnlyList<FundingLine>> Load(this IPtceDbContext db, ICurrentUser user, Guid? funderFilter, CancellationToken cancellationToken)
    {
        var shown = user.FundersShown(funderFilter);
        if (shown is { Count: 0 })
        {
            return [];
        }

        // The funders of an agreement are a JSON column: the funder filter runs here, over the agreements in force or ended.
        var agreements = (await db.Agreements.AsNoTracking().Where(a => a.Status != AgreementStatus.Draft)
                .OrderBy(a => a.SignedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(a => shown is null || a.Funders.Any(f => shown.Contains(f.FunderId)))
            .ToList();
        if (agreements.Count == 0)
        {
            return [];
        }

        var ids = agreements.Select(a => a.Id).ToList();
        var installmentsQuery = db.Installments.AsNoTracking().Include(i => i.Payments).Where(i => ids.Contains(i.AgreementId));
        var recoveriesQuery = db.RecoveryOrders.AsNoTracking().Where(r => ids.Contains(r.AgreementId));
        if (shown is not null)
        {
            var funderIds = shown.ToList();
            installmentsQuery = installmentsQuery.Where(i => funderIds.Contains(i.FunderId));
            recoveriesQuery = recoveriesQuery.Where(r => funderIds.Contains(r.FunderId));
        }

        var installments = (await installmentsQuery.ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(i => (i.AgreementId, i.FunderId));
        var recoveries = (await recoveriesQuery.ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(r => (r.AgreementId, r.FunderId));
        var funderNames = await db.Funders.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);

        var lines = new List<FundingLine>();
        foreach (var agreement in agreements)
        {
            var years = agreement.Years;
            foreach (var funder in agreement.Funders.Where(f => shown is null || shown.Contains(f.FunderId)))
            {
                var amounts = agreement is { Status: AgreementStatus.TerminatedEarly, TerminatedOn: { } terminatedOn }
                    ? PaymentSchedule.DueByYearOnTermination(agreement, funder, terminatedOn)
                    : funder.YearlyAmounts;
                var own = installments[(agreement.Id, funder.FunderId)].ToList();
                lines.Add(new FundingLine(
                    agreement,
                    funder.FunderId,
                    funderNames.GetValueOrDefault(funder.FunderId, ""),
                    [.. years.Select((year, i) => new YearAmount(year.Start.Year, amounts[i]))],
                    own,
                    [.. own.SelectMany(i => i.Payments).Select(p => new DatedAmount(p.PaidOn, p.Amount))],
                    [.. recoveries[(agreement.Id, funder.FunderId)].SelectMany(r => r.Settlements).Select(s => new DatedAmount(s.ReceivedOn, s.Amount))]));
            }
        }

        return lines;
    }
}
