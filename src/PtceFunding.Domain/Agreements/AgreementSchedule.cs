namespace PtceFunding.Domain.Agreements;

/// <summary>
/// The yearly split a draft agreement starts from, chosen from the officer's proposed shape (flat when none)
/// over the agreement's years (calendar years by default, the first and last possibly partial):
/// <list type="bullet">
/// <item>flat: every full year weighs 1, a partial year its prorata (days covered / days of that year);</item>
/// <item>tapering: a linear taper ending at one step — weights n, n − 1, …, 1 for n years, i.e.
/// <see cref="YearlySplit.LinearTaper"/> from a first-year share of 200/(n + 1) % (40/30/20/10 over 4 years) —
/// each multiplied by the year's prorata;</item>
/// <item>ramp-up: the mirror, weights 1, 2, …, n (10/20/30/40 over 4 years), times the prorata.</item>
/// </list>
/// The weights go to <see cref="YearlySplit.Weighted"/>, so amounts are exact to the cent by
/// <see cref="MoneyRounding.Allocate"/>. Officers amend the split later if the funder wants another one.
/// </summary>
public static class AgreementSchedule
{
    public static Result<YearlySplit> DefaultSplit(ScheduleShape? shape, IReadOnlyList<AgreementYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var n = years.Count;
        var weights = years.Select((year, i) => year.ProrataWeight * (shape switch
        {
            ScheduleShape.Tapering => n - i,
            ScheduleShape.RampUp => i + 1,
            _ => 1m,
        })).ToList();
        return YearlySplit.Weighted(weights);
    }

    /// <summary>Each funder's granted total, split over the years by <paramref name="split"/>.</summary>
    public static Result<IReadOnlyList<FunderCommitment>> Commitments(IReadOnlyList<RequestedAmount> granted, YearlySplit split)
    {
        ArgumentNullException.ThrowIfNull(granted);
        ArgumentNullException.ThrowIfNull(split);
        var commitments = new List<FunderCommitment>();
        foreach (var amount in granted)
        {
            var yearly = split.Allocate(amount.Amount);
            if (!yearly.IsSuccess)
            {
                return yearly.Error;
            }

            commitments.Add(new FunderCommitment(amount.FunderId, amount.Amount, yearly.Value));
        }

        return Result<IReadOnlyList<FunderCommitment>>.Success(commitments);
    }
}
