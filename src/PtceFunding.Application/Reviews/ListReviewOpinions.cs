using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Reviews;

/// <summary>
/// The experts of an application and their opinions, confidential part included, with the average
/// weighted score: for the officers who see the application and the committee members of a funder
/// it is routed to (or national ones). The consortium never reads them.
/// </summary>
[Allow(Audience.ReviewOpinionReaders)]
public sealed record ListReviewOpinions(Guid ApplicationId) : IQuery<Result<ReviewOpinionsView>>;

public sealed record ReviewOpinionsView(Guid ApplicationId, decimal? AverageScore, int OpinionsCount, IReadOnlyList<ReviewOpinionView> Reviews);

public sealed record ReviewOpinionView(
    Guid AssignmentId,
    Guid ReviewerId,
    string ReviewerName,
    DateTime AssignedAt,
    ConflictDeclaration Declaration,
    DateTime? DeclaredAt,
    string? ConflictDetails,
    IReadOnlyList<CriterionScore> Scores,
    ReviewOpinion? Opinion,
    string? Text,
    string? ConfidentialText,
    decimal? WeightedScore,
    DateTime? SubmittedAt);

internal sealed class ListReviewOpinionsHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<ListReviewOpinions, Result<ReviewOpinionsView>>
{
    public async ValueTask<Result<ReviewOpinionsView>> Handle(ListReviewOpinions request, CancellationToken cancellationToken)
    {
        var applicationId = new FundingApplicationId(request.ApplicationId);
        if (!await db.Applications.AsNoTracking().WithOpinionsVisibleTo(db, user).AnyAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false))
        {
            return ApplicationAccess.NotFound;
        }

        var rows = await (
                from assignment in db.ReviewerAssignments.AsNoTracking()
                join reviewer in db.Users on assignment.ReviewerId equals reviewer.Id
                where assignment.ApplicationId == applicationId
                orderby assignment.AssignedAt
                select new { Assignment = assignment, reviewer.DisplayName })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var score = (await ReviewScores.AverageFor(db, [applicationId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(applicationId);

        return new ReviewOpinionsView(
            request.ApplicationId,
            score?.Average,
            score?.Opinions ?? 0,
            [.. rows.Select(r => new ReviewOpinionView(
                r.Assignment.Id.Value, r.Assignment.ReviewerId, r.DisplayName, r.Assignment.AssignedAt, r.Assignment.Declaration, r.Assignment.DeclaredAt,
                r.Assignment.ConflictDetails, r.Assignment.Scores, r.Assignment.Opinion, r.Assignment.OpinionText, r.Assignment.ConfidentialText,
                r.Assignment.WeightedScore, r.Assignment.SubmittedAt))]);
    }
}
