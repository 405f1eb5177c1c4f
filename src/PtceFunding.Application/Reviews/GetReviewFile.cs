using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Reviews;

/// <summary>
/// What an expert reviews: the application as filed (project, consortium, financing, indicators,
/// the names of its documents) and the grid of the rules version it was filed under — only once
/// they have declared no conflict of interest (403 <c>review.declaration_required</c> before,
/// 403 <c>review.recused</c> after declaring one). The officers' work (history, report) is not shown.
/// </summary>
[Allow(Audience.Reviewers)]
public sealed record GetReviewFile(Guid AssignmentId) : IQuery<Result<ReviewFileView>>;

public sealed record ReviewFileView(
    Guid AssignmentId,
    ConflictDeclaration Declaration,
    DateTime? DeclaredAt,
    ReviewedApplicationView Application,
    int RulesVersion,
    IReadOnlyList<ScoringCriterion> Grid,
    SubmittedOpinionView? Submitted);

public sealed record ReviewedApplicationView(
    Guid Id,
    string? Reference,
    ApplicationStatus Status,
    DateTime? SubmittedAt,
    string CallTitle,
    string Category,
    int Stage,
    string Title,
    string Description,
    string Territory,
    IReadOnlyList<string> Sectors,
    DateOnly? StartDate,
    int? DurationYears,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<YearBalance> Balance,
    IReadOnlyList<RequestedAmountView> RequestedAmounts,
    decimal TotalRequested,
    IReadOnlyList<IndicatorCommitment> Indicators,
    IReadOnlyList<string> DocumentNames);

public sealed record SubmittedOpinionView(
    IReadOnlyList<CriterionScore> Scores, ReviewOpinion Opinion, string Text, string? ConfidentialText, decimal? WeightedScore, DateTime SubmittedAt);

internal sealed class GetReviewFileHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetReviewFile, Result<ReviewFileView>>
{
    public async ValueTask<Result<ReviewFileView>> Handle(GetReviewFile request, CancellationToken cancellationToken)
    {
        var id = new ReviewerAssignmentId(request.AssignmentId);
        var assignment = await db.ReviewerAssignments.AsNoTracking().OwnedBy(user).FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (assignment is null)
        {
            return ReviewerAccess.NotFound;
        }

        if (assignment.ContentClosedError() is { } closed)
        {
            return closed;
        }

        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == assignment.ApplicationId, cancellationToken).ConfigureAwait(false);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken).ConfigureAwait(false);
        var funderIds = application.RequestedAmounts.Select(r => r.FunderId).ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);
        var memberIds = application.Members.Select(m => m.OrganisationId).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => memberIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken).ConfigureAwait(false);
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == application.Id).OrderBy(d => d.UploadedAt)
            .Select(d => d.FileName).ToListAsync(cancellationToken).ConfigureAwait(false);
        var plan = application.Plan;
        var years = Enumerable.Range(1, application.DurationYears ?? plan.Expenses.Select(e => e.Year).DefaultIfEmpty(0).Max());

        return new ReviewFileView(
            assignment.Id.Value,
            assignment.Declaration,
            assignment.DeclaredAt,
            new ReviewedApplicationView(
                application.Id.Value,
                application.Reference,
                application.Status,
                application.SubmittedAt,
                call.Title,
                application.Category,
                application.Stage,
                application.Title,
                application.Description,
                application.Territory,
                application.Sectors,
                application.StartDate,
                application.DurationYears,
                [.. application.Members.Where(m => organisations.ContainsKey(m.OrganisationId)).Select(m => Member(organisations[m.OrganisationId], m))],
                [.. years.Select(y => new YearBalance(y, plan.ExpensesOf(y), plan.ResourcesOf(y), plan.ExpensesOf(y) == plan.ResourcesOf(y)))],
                [.. application.RequestedAmounts.Select(r => new RequestedAmountView(r.FunderId.Value, funders.GetValueOrDefault(r.FunderId, "?"), r.Amount))],
                application.TotalRequested,
                application.Indicators,
                documents),
            application.RulesVersion,
            call.RulesOfVersion(application.RulesVersion).Grid,
            assignment.SubmittedAt is { } submittedAt
                ? new SubmittedOpinionView(assignment.Scores, assignment.Opinion!.Value, assignment.OpinionText ?? "", assignment.ConfidentialText, assignment.WeightedScore, submittedAt)
                : null);
    }

    private static MemberView Member(Organisation o, ConsortiumMember m) =>
        new(o.Id.Value, o.Name, o.Siret, o.Rna, o.LegalForm, LegalForms.Label(o.LegalForm), o.IsEss, o.RegionCode, m.Role, m.IsLead, m.BudgetShare);
}
