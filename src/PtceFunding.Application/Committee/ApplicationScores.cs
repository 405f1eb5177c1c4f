using PtceFunding.Application.Reviews;

namespace PtceFunding.Application.Committee;

/// <summary>What the reviewers' opinions give an application: its average weighted score (out of 100) and how many opinions were submitted.</summary>
public sealed record ApplicationScore(decimal? AverageWeightedScore, int Opinions);

/// <summary>
/// The reviewers' scores, as the committee ranks applications by them. The committee does not read
/// the reviewers' tables itself: the review feature answers through this abstraction.
/// </summary>
public interface IApplicationScores
{
    /// <summary>
    /// Whether an application needs at least one submitted opinion to be on a session's agenda
    /// (false while no review scores are available, so that the agenda is the eligible, proposed files).
    /// </summary>
    bool RequiresOpinion { get; }

    /// <summary>The score of each application that has one; applications without any submitted opinion are absent.</summary>
    Task<IReadOnlyDictionary<Guid, ApplicationScore>> For(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken);
}

/// <summary>The committee ranks by the reviewers' submitted opinions, and an application needs at least one to be on the agenda.</summary>
internal sealed class ReviewerScores(IPtceDbContext db) : IApplicationScores
{
    public bool RequiresOpinion => true;

    public async Task<IReadOnlyDictionary<Guid, ApplicationScore>> For(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var scores = await ReviewScores.AverageFor(db, [.. applicationIds.Select(id => new FundingApplicationId(id))], cancellationToken).ConfigureAwait(false);
        return scores.ToDictionary(s => s.Key.Value, s => new ApplicationScore(s.Value.Average, s.Value.Opinions));
    }
}
