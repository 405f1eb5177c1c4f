namespace PtceFunding.Domain.Agreements;

/// <summary>What an installment pays for within its agreement year.</summary>
public enum InstallmentKind
{
    /// <summary>Paid at signature for year 1, at the year's start afterwards.</summary>
    Advance = 0,

    /// <summary>Paid once that year's report is approved.</summary>
    Balance = 1,
}

/// <summary>
/// One planned installment: its agreement year (1-based), its kind, its amount (euros, exact to the cent, ≥ 0,
/// possibly 0 when the year or the advance is 0) and its due date, null when it depends on an event rather than
/// a date (a balance is due on the approval of the year's report; year 1's advance before signature).
/// </summary>
public sealed record PlannedInstallment(int Year, InstallmentKind Kind, decimal Amount, DateOnly? DueDate);

/// <summary>
/// The installments of one funder's share of an agreement: for each agreement year an advance (a percentage of that
/// year's amount) and a balance, in that order, year by year. Amounts are exact to the cent: advance + balance equals
/// the year's amount, and the installments add up to the funder's total, both by <see cref="MoneyRounding.Allocate"/>.
/// </summary>
public sealed class InstallmentPlan
{
    private InstallmentPlan(IReadOnlyList<decimal> yearAmounts, decimal advancePercent, IReadOnlyList<PlannedInstallment> installments)
    {
        YearAmounts = yearAmounts;
        AdvancePercent = advancePercent;
        Installments = installments;
    }

    /// <summary>The amount of each agreement year (index 0 is year 1).</summary>
    public IReadOnlyList<decimal> YearAmounts { get; }

    /// <summary>The share of each year's amount paid as an advance, in percent (0–100).</summary>
    public decimal AdvancePercent { get; }

    /// <summary>Year 1 advance, year 1 balance, year 2 advance, … in order.</summary>
    public IReadOnlyList<PlannedInstallment> Installments { get; }

    public decimal Total => YearAmounts.Sum();

    /// <summary>
    /// Splits <paramref name="total"/> over the years with <paramref name="split"/>, then each year into an advance
    /// and a balance; see <see cref="FromYearAmounts"/> for the dates.
    /// </summary>
    public static Result<InstallmentPlan> Generate(
        decimal total,
        YearlySplit split,
        decimal advancePercent,
        DateOnly? signedOn,
        IReadOnlyList<DateOnly> yearStarts)
    {
        ArgumentNullException.ThrowIfNull(split);

        var yearAmounts = split.Allocate(total);
        return yearAmounts.IsSuccess
            ? FromYearAmounts(yearAmounts.Value, advancePercent, signedOn, yearStarts)
            : yearAmounts.Error;
    }

    /// <summary>
    /// Plans the installments of known yearly amounts. Each year's advance is <paramref name="advancePercent"/> of
    /// its amount, rounded by <see cref="MoneyRounding.Allocate"/> on the weights (advance %, 100 − advance %), so an
    /// odd cent goes to the advance; the balance is the rest. The advance of year 1 is due on
    /// <paramref name="signedOn"/> (null while the agreement is not signed), that of a later year on its start date
    /// in <paramref name="yearStarts"/> (one per year, increasing, chosen by the caller: budget or anniversary years);
    /// a balance has no date: it is due when the year's report is approved.
    /// </summary>
    public static Result<InstallmentPlan> FromYearAmounts(
        IReadOnlyList<decimal> yearAmounts,
        decimal advancePercent,
        DateOnly? signedOn,
        IReadOnlyList<DateOnly> yearStarts)
    {
        ArgumentNullException.ThrowIfNull(yearAmounts);
        ArgumentNullException.ThrowIfNull(yearStarts);

        if (yearAmounts.Count is < YearlySplit.MinYears or > YearlySplit.MaxYears)
        {
            return Error.RuleBroken(
                "schedule.years_out_of_range",
                $"Une convention s'étend sur {YearlySplit.MinYears} à {YearlySplit.MaxYears} années budgétaires ({yearAmounts.Count} demandée(s)).");
        }

        if (advancePercent is < 0m or > 100m)
        {
            return Error.RuleBroken("schedule.advance_percent_out_of_range", "L'avance représente de 0 % à 100 % du montant de l'année.");
        }

        if (yearStarts.Count != yearAmounts.Count)
        {
            return Error.RuleBroken(
                "schedule.year_starts_mismatch",
                $"Une date de début est attendue pour chacune des {yearAmounts.Count} années de la convention ({yearStarts.Count} reçue(s)).");
        }

        for (var i = 1; i < yearStarts.Count; i++)
        {
            if (yearStarts[i] <= yearStarts[i - 1])
            {
                return Error.RuleBroken("schedule.year_starts_not_increasing", $"L'année {i + 1} doit commencer après l'année {i}.");
            }
        }

        var advanceWeights = new[] { advancePercent, 100m - advancePercent };
        var installments = new PlannedInstallment[yearAmounts.Count * 2];
        for (var i = 0; i < yearAmounts.Count; i++)
        {
            var parts = MoneyRounding.Allocate(yearAmounts[i], advanceWeights);
            if (!parts.IsSuccess)
            {
                return Error.RuleBroken("schedule.year_amount_invalid", $"Le montant de l'année {i + 1} doit être positif, en euros et centimes.");
            }

            var year = i + 1;
            installments[2 * i] = new PlannedInstallment(year, InstallmentKind.Advance, parts.Value[0], year == 1 ? signedOn : yearStarts[i]);
            installments[(2 * i) + 1] = new PlannedInstallment(year, InstallmentKind.Balance, parts.Value[1], null);
        }

        return new InstallmentPlan([.. yearAmounts], advancePercent, installments);
    }
}
