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

/// <summary>
/// No review scores yet: every application is unscored and the agenda does not wait for opinions.
/// Replaced, once reviewer assignments exist, by an implementation over <c>ReviewScores.AverageFor</c>.
/// </summary>
internal sealed class NoApplicationScores : IApplicationScores
{
    public bool RequiresOpinion => false;

    public Task<IReadOnlyDictionary<Guid, ApplicationScore>> For(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, ApplicationScore>>(new Dictionary<Guid, ApplicationScore>());
}
