namespace PtceFunding.Application.Reviews;

/// <summary>An expert's assignments, newest first: which application, and where their declaration and opinion stand — no content.</summary>
[Allow(Audience.Reviewers)]
public sealed record ListMyReviews : IQuery<Result<IReadOnlyList<MyReviewLine>>>;

public sealed record MyReviewLine(
    Guid AssignmentId,
    Guid ApplicationId,
    string? Reference,
    string Title,
    string CallTitle,
    DateTime AssignedAt,
    ConflictDeclaration Declaration,
    ReviewOpinion? Opinion,
    DateTime? SubmittedAt);

internal sealed class ListMyReviewsHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<ListMyReviews, Result<IReadOnlyList<MyReviewLine>>>
{
    public async ValueTask<Result<IReadOnlyList<MyReviewLine>>> Handle(ListMyReviews request, CancellationToken cancellationToken)
    {
        var lines = await (
                from assignment in db.ReviewerAssignments.AsNoTracking().OwnedBy(user)
                join application in db.Applications on assignment.ApplicationId equals application.Id
                join call in db.Calls on application.CallId equals call.Id
                orderby assignment.AssignedAt descending
                select new MyReviewLine(
                    assignment.Id.Value, application.Id.Value, application.Reference, application.Title, call.Title,
                    assignment.AssignedAt, assignment.Declaration, assignment.Opinion, assignment.SubmittedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return lines;
    }
}
