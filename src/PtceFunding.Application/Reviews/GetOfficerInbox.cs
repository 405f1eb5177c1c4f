using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Reviews;

/// <summary>The orders of the officer inbox: dates newest first, amounts largest first, texts and statuses ascending.</summary>
public enum InboxSort
{
    Submitted = 0,
    Reference = 1,
    Title = 2,
    TotalRequested = 3,
    Status = 4,
}

/// <summary>
/// The submitted applications an officer may instruct (<see cref="ApplicationAccess.VisibleTo"/>), filtered,
/// sorted and paginated, with the count of each status under the same filters except the status.
/// <paramref name="AssignedToMe"/>: true for the files the officer has taken, false for the files nobody has taken.
/// </summary>
[Allow(Audience.Instructors)]
public sealed record GetOfficerInbox(
    ApplicationStatus? Status = null,
    Guid? SessionId = null,
    string? RegionCode = null,
    Guid? CallId = null,
    bool? AssignedToMe = null,
    InboxSort Sort = InboxSort.Submitted,
    int Page = 1,
    int PageSize = 25) : IQuery<Result<OfficerInbox>>;

public sealed record OfficerInbox(
    IReadOnlyList<InboxItem> Items, int Total, IReadOnlyDictionary<ApplicationStatus, int> CountsByStatus, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public sealed record InboxItem(
    Guid Id,
    string? Reference,
    string Title,
    string CallTitle,
    string LeadOrganisationName,
    string RegionCode,
    ApplicationStatus Status,
    DateTime? SubmittedAt,
    string? SessionName,
    DateOnly? SessionCutOff,
    string? AssignedOfficerName,
    decimal TotalRequested,
    int MembersCount);

internal sealed class GetOfficerInboxValidator : AbstractValidator<GetOfficerInbox>
{
    public const int LargestPage = 100;

    public GetOfficerInboxValidator()
    {
        RuleFor(q => q.Status).IsInEnum().WithMessage("Statut inconnu.");
        RuleFor(q => q.Sort).IsInEnum().WithMessage("Tri inconnu.");
        RuleFor(q => q.RegionCode).MaximumLength(3).WithMessage("Code de région inconnu.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Les pages sont numérotées à partir de 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, LargestPage).WithMessage($"Une page compte de 1 à {LargestPage} dossiers.");
    }
}

internal sealed class GetOfficerInboxHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetOfficerInbox, Result<OfficerInbox>>
{
    public async ValueTask<Result<OfficerInbox>> Handle(GetOfficerInbox request, CancellationToken cancellationToken)
    {
        var filtered = Filter(db.Applications.AsNoTracking().VisibleTo(db, user), request);

        // One grouped count: the tags of every status, and the total of the list when it is filtered by one.
        var counts = await filtered
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken).ConfigureAwait(false);
        var total = request.Status is { } status ? counts.GetValueOrDefault(status) : counts.Values.Sum();

        var listed = request.Status is { } only ? filtered.Where(a => a.Status == only) : filtered;
        // The page is cut first (a subquery), then joined to the names it shows and sorted again the same way.
        var page = Sorted(listed, request.Sort).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize);
        var rows = total <= (request.Page - 1) * request.PageSize
            ? []
            : await Sorted(
                    from application in page
                    join call in db.Calls on application.CallId equals call.Id
                    join lead in db.Organisations on application.LeadOrganisationId equals lead.Id
                    join session in db.CommitteeSessions on application.SessionId equals session.Id into sessions
                    from session in sessions.DefaultIfEmpty()
                    join officer in db.Users on application.AssignedOfficerId equals officer.Id into officers
                    from officer in officers.DefaultIfEmpty()
                    select new InboxRow
                    {
                        Id = application.Id,
                        Reference = application.Reference,
                        Title = application.Title,
                        CallTitle = call.Title,
                        LeadOrganisationName = lead.Name,
                        RegionCode = application.RegionCode,
                        Status = application.Status,
                        SubmittedAt = application.SubmittedAt,
                        SessionName = session == null ? null : session.Name,
                        SessionCutOff = session == null ? null : (DateOnly?)session.CutOffDate,
                        AssignedOfficerName = officer == null ? null : officer.DisplayName,
                        TotalRequested = application.TotalRequested,
                        MembersCount = application.MembersCount,
                    },
                    request.Sort)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

        var items = rows.Select(r => new InboxItem(
                r.Id.Value, r.Reference, r.Title, r.CallTitle, r.LeadOrganisationName, r.RegionCode, r.Status, r.SubmittedAt,
                r.SessionName, r.SessionCutOff, r.AssignedOfficerName, r.TotalRequested, r.MembersCount))
            .ToList();
        return new OfficerInbox(items, total, counts, request.Page, request.PageSize);
    }

    private IQueryable<FundingApplication> Filter(IQueryable<FundingApplication> applications, GetOfficerInbox request)
    {
        if (request.SessionId is { } sessionId)
        {
            var session = new CommitteeSessionId(sessionId);
            applications = applications.Where(a => a.SessionId == session);
        }

        if (!string.IsNullOrWhiteSpace(request.RegionCode))
        {
            var region = request.RegionCode.Trim();
            applications = applications.Where(a => a.RegionCode == region);
        }

        if (request.CallId is { } callId)
        {
            var call = new CallId(callId);
            applications = applications.Where(a => a.CallId == call);
        }

        if (request.AssignedToMe is { } mine)
        {
            var officerId = user.UserId;
            applications = mine ? applications.Where(a => a.AssignedOfficerId == officerId) : applications.Where(a => a.AssignedOfficerId == null);
        }

        return applications;
    }

    private static IOrderedQueryable<FundingApplication> Sorted(IQueryable<FundingApplication> applications, InboxSort sort) => sort switch
    {
        InboxSort.Reference => applications.OrderBy(a => a.Reference).ThenBy(a => a.Id),
        InboxSort.Title => applications.OrderBy(a => a.Title).ThenBy(a => a.Id),
        InboxSort.TotalRequested => applications.OrderByDescending(a => a.TotalRequested).ThenBy(a => a.Id),
        InboxSort.Status => applications.OrderBy(a => a.Status).ThenBy(a => a.Id),
        _ => applications.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id),
    };

    private static IOrderedQueryable<InboxRow> Sorted(IQueryable<InboxRow> rows, InboxSort sort) => sort switch
    {
        InboxSort.Reference => rows.OrderBy(a => a.Reference).ThenBy(a => a.Id),
        InboxSort.Title => rows.OrderBy(a => a.Title).ThenBy(a => a.Id),
        InboxSort.TotalRequested => rows.OrderByDescending(a => a.TotalRequested).ThenBy(a => a.Id),
        InboxSort.Status => rows.OrderBy(a => a.Status).ThenBy(a => a.Id),
        _ => rows.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id),
    };

    /// <summary>A line as read from the database (an initialiser that SQL can still sort on).</summary>
    private sealed class InboxRow
    {
        public FundingApplicationId Id { get; init; }

        public string? Reference { get; init; }

        public string Title { get; init; } = "";

        public string CallTitle { get; init; } = "";

        public string LeadOrganisationName { get; init; } = "";

        public string RegionCode { get; init; } = "";

        public ApplicationStatus Status { get; init; }

        public DateTime? SubmittedAt { get; init; }

        public string? SessionName { get; init; }

        public DateOnly? SessionCutOff { get; init; }

        public string? AssignedOfficerName { get; init; }

        public decimal TotalRequested { get; init; }

        public int MembersCount { get; init; }
    }
}
