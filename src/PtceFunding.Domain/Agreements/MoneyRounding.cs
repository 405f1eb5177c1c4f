namespace PtceFunding.Domain.Agreements;

/// <summary>
/// THE rounding rule for money split into parts (yearly amounts, advance and balance). Every split of an
/// amount in the domain goes through <see cref="Allocate"/>, so that the parts always add up to the whole.
/// </summary>
public static class MoneyRounding
{
    /// <summary>
    /// Splits <paramref name="total"/> (euros, exact to the cent) into one amount per weight, in proportion to
    /// the weights, using the <em>largest-remainder method</em>:
    /// <list type="number">
    /// <item>each share is first the exact value <c>total × weight / Σweights</c> rounded <em>down</em> to the cent;</item>
    /// <item>the cents still missing (fewer than the number of shares) are then handed out one by one to the shares
    /// whose exact value lost the most when rounded down (largest fractional remainder); on equal remainders the
    /// earliest share (year 1 before year 2) gets the cent first.</item>
    /// </list>
    /// Why this rule:
    /// <list type="bullet">
    /// <item>the amounts sum <em>exactly</em> to <paramref name="total"/>: no cent is created or lost, whatever the weights;</item>
    /// <item>each amount is within one cent of its exact value (strictly less than one cent away), so no share is
    /// favoured by more than a cent;</item>
    /// <item>it keeps the order of the exact values: a larger exact share never gets a smaller amount, and equal exact
    /// shares differ by at most one cent (the earlier one gets it), so a tapering schedule never increases and a
    /// ramp-up never decreases by more than that one cent;</item>
    /// <item>it is deterministic (same input, same cents), which an agreement, its amendments and its audit need.</item>
    /// </list>
    /// Rounding each share to the nearest cent instead would not add up (3 × 33 333,33 € ≠ 100 000 €), and putting
    /// the difference on the last year could move it by more than a cent per share.
    /// The computation is exact in <see cref="decimal"/> when the weights are exact decimals (percentages, day counts,
    /// amounts): remainders are compared as integers over the common denominator Σweights.
    /// </summary>
    /// <param name="total">The amount to split, in euros, ≥ 0 and with at most two decimals.</param>
    /// <param name="weights">One weight per share, each ≥ 0, at least one &gt; 0 (e.g. yearly percentages).</param>
    /// <returns>The amounts, in the order of the weights, each ≥ 0 and in cents, summing exactly to <paramref name="total"/>.</returns>
    public static Result<IReadOnlyList<decimal>> Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);

        if (total < 0m)
        {
            return Error.RuleBroken("allocation.negative_total", "Le montant à répartir ne peut pas être négatif.");
        }

        if (!Money.IsInCents(total))
        {
            return Error.RuleBroken("allocation.total_not_in_cents", "Le montant à répartir doit être exprimé en euros et centimes.");
        }

        if (weights.Count == 0)
        {
            return Error.RuleBroken("allocation.no_weights", "Aucune part n'est donnée pour répartir le montant.");
        }

        var weightSum = 0m;
        foreach (var weight in weights)
        {
            if (weight < 0m)
            {
                return Error.RuleBroken("allocation.negative_weight", "Une part de la répartition ne peut pas être négative.");
            }

            weightSum += weight;
        }

        if (weightSum == 0m)
        {
            return Error.RuleBroken("allocation.zero_weights", "Au moins une part de la répartition doit être positive.");
        }

        var totalCents = total * 100m;
        var cents = new decimal[weights.Count];
        var remainders = new decimal[weights.Count];
        var allocated = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            // Exact share in cents = numerator / weightSum; floor it, then keep the exact remainder numerator.
            var numerator = totalCents * weights[i];
            var floor = decimal.Floor(numerator / weightSum);
            if (floor * weightSum > numerator)
            {
                floor--; // the division was rounded up to an integer at decimal's 28 digits
            }

            cents[i] = floor;
            remainders[i] = numerator - (floor * weightSum);
            allocated += floor;
        }

        // Hand the missing cents one by one to the largest remainder not served yet, the earliest share first on
        // equal remainders (strict comparison). Exact arithmetic leaves fewer missing cents than shares; should it
        // not, the remainders are reset and served again, which still keeps the sum exact.
        var served = new bool[weights.Count];
        var missing = totalCents - allocated;
        while (missing > 0m)
        {
            var best = -1;
            for (var i = 0; i < remainders.Length; i++)
            {
                if (!served[i] && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                Array.Clear(served);
                continue;
            }

            served[best] = true;
            cents[best]++;
            missing--;
        }

        for (var i = 0; i < cents.Length; i++)
        {
            cents[i] /= 100m; // back to euros
        }

        return cents;
    }
}
