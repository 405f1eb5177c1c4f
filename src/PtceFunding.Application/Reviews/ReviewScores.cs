namespace PtceFunding.Application.Reviews;

/// <summary>An application's review score: the average weighted score of its submitted opinions (null when none is scored), and how many.</summary>
public sealed record ReviewScore(decimal? Average, int Opinions);

/// <summary>Review scores of applications, for the officers' page and the committee's ranked list.</summary>
public static class ReviewScores
{
    /// <summary>
    /// Per application, the average of the weighted scores of its submitted opinions, rounded half
    /// away from zero to 2 decimals, and the number of submitted opinions. Applications without an
    /// opinion are absent from the answer. Averaged here rather than in SQL so that every provider
    /// computes the same decimal.
    /// </summary>
    public static async Task<IReadOnlyDictionary<FundingApplicationId, ReviewScore>> AverageFor(
        IPtceDbContext db, IReadOnlyCollection<FundingApplicationId> applicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(applicationIds);
        var ids = applicationIds.Distinct().ToList();
        var opinions = await db.ReviewerAssignments.AsNoTracking()
            .Where(r => ids.Contains(r.ApplicationId) && r.SubmittedAt != null)
            .Select(r => new { r.ApplicationId, r.WeightedScore })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return opinions
            .GroupBy(o => o.ApplicationId)
            .ToDictionary(g => g.Key, g => new ReviewScore(Average([.. g.Select(o => o.WeightedScore)]), g.Count()));
    }

    private static decimal? Average(IReadOnlyList<decimal?> scores)
    {
        var scored = scores.Where(s => s is not null).Select(s => s!.Value).ToList();
        return scored.Count == 0 ? null : decimal.Round(scored.Sum() / scored.Count, 2, MidpointRounding.AwayFromZero);
    }
}
