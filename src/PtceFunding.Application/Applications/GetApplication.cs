namespace PtceFunding.Application.Applications;

/// <summary>
/// One application, whole: the call and the rules version it is judged by, the consortium, the
/// project, the financing plan, indicators, documents, its session and — for a draft — the
/// completeness panel (every failure submitting would meet now).
/// </summary>
[Allow(Audience.ApplicationReaders)]
public sealed record GetApplication(Guid Id) : IQuery<Result<ApplicationView>>;

public sealed record ApplicationView(
    Guid Id,
    int Version,
    ApplicationStatus Status,
    string? Reference,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    DateTime? WithdrawnAt,
    string? WithdrawalReason,
    ApplicationCallView Call,
    string Category,
    int Stage,
    int RulesVersion,
    CallRules Rules,
    Guid LeadOrganisationId,
    IReadOnlyList<MemberView> Members,
    string Title,
    string Description,
    string Territory,
    IReadOnlyList<string> Sectors,
    DateOnly? StartDate,
    int? DurationYears,
    IReadOnlyList<ExpenseLine> Expenses,
    IReadOnlyList<ResourceInput> Resources,
    IReadOnlyList<YearBalance> Balance,
    IReadOnlyList<RequestedAmountView> RequestedAmounts,
    decimal TotalRequested,
    IReadOnlyList<IndicatorCommitment> Indicators,
    IReadOnlyList<DocumentView> Documents,
    SessionView? Session,
    bool IsUnscheduled,
    IReadOnlyList<FailureView> Completeness,
    bool CanEdit,
    bool ActsForLeadMember,
    IReadOnlyList<ContributorView> Contributors,
    IReadOnlyList<string> CorrectionItems,
    DateOnly? CorrectionsDueOn,
    string? IneligibilityReasons,
    IReadOnlyList<HistoryLineView> History,
    PublishedDecisionView? Decision);

public sealed record ApplicationCallView(Guid Id, string Title, CallMode Mode, string TimeZoneId, bool IsTwoStage, IReadOnlyList<string> Categories, IReadOnlyList<CallFunderView> Funders);

public sealed record CallFunderView(Guid FunderId, string Name, decimal Envelope);

public sealed record MemberView(Guid OrganisationId, string Name, string? Siret, string? Rna, LegalForm LegalForm, string LegalFormLabel, bool IsEss, string RegionCode, MemberRole Role, bool IsLead, decimal? BudgetShare);

public sealed record YearBalance(int Year, decimal Expenses, decimal Resources, bool Balanced);

public sealed record RequestedAmountView(Guid FunderId, string FunderName, decimal Amount);

public sealed record DocumentView(Guid Id, string? RequiredDocumentCode, string FileName, string ContentType, long Size, DateTime UploadedAt);

public sealed record SessionView(Guid Id, string Name, DateOnly CutOffDate, DateOnly MeetingDate);

public sealed record FailureView(string Code, string Message);

/// <summary>
/// The committee's decision as the consortium reads it, once its session is closed: never the vote or
/// rationale, the reviewers' opinions or any score.
/// </summary>
public sealed record PublishedDecisionView(
    DecisionOutcome Outcome, string SessionName, DateTime DecidedAt, IReadOnlyList<RequestedAmountView> Amounts, decimal TotalAmount, int? DurationYears, string? Conditions, string? PublicReasons);

public sealed record ContributorView(Guid UserId, string Name, string Email, string OrganisationName);

/// <summary>One line of the application's history; the actor's name is given to officers only.</summary>
public sealed record HistoryLineView(DateTime At, ApplicationEventKind Kind, string Details, string? ActorName);

internal sealed class GetApplicationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetApplication, Result<ApplicationView>>
{
    /// <summary>What the consortium may read of the history: not the officers' internal steps (assignment, proposal).</summary>
    private static readonly ApplicationEventKind[] HiddenFromConsortium = [ApplicationEventKind.Assigned, ApplicationEventKind.Proposed];

    public async ValueTask<Result<ApplicationView>> Handle(GetApplication request, CancellationToken cancellationToken)
    {
        var id = new FundingApplicationId(request.Id);
        var application = await db.Applications.AsNoTracking().Include(a => a.History).VisibleTo(db, user)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        var history = application.History
            .Where(e => !user.IsInRole(Roles.Applicant) || !HiddenFromConsortium.Contains(e.Kind))
            .OrderBy(e => e.At)
            .Select(e => new HistoryLineView(e.At, e.Kind, e.Details, null))
            .ToList();
        return await Build(db, user, clock, application, history, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The whole application as its readers see it; the officer's review view starts from it.</summary>
    internal static async Task<ApplicationView> Build(
        IPtceDbContext db, ICurrentUser user, TimeProvider clock, FundingApplication application, IReadOnlyList<HistoryLineView> history, CancellationToken cancellationToken)
    {
        var id = application.Id;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken).ConfigureAwait(false);
        var funderIds = call.Funders.Select(f => f.FunderId).ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);
        var memberIds = application.Members.Select(m => m.OrganisationId).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => memberIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken).ConfigureAwait(false);
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentView(d.Id, d.RequiredDocumentCode, d.FileName, d.ContentType, d.Size, d.UploadedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var session = application.SessionId is { } sessionId
            ? await db.CommitteeSessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new SessionView(s.Id.Value, s.Name, s.CutOffDate, s.MeetingDate)).SingleAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var contributors = await (
                from contributor in db.ApplicationContributors.AsNoTracking()
                join account in db.Users on contributor.UserId equals account.Id
                join organisation in db.Organisations on contributor.OrganisationId equals organisation.Id
                where contributor.ApplicationId == id
                select new ContributorView(account.Id, account.DisplayName, account.Email ?? "", organisation.Name))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var isConsortium = user.IsInRole(Roles.Applicant);
        var actsForLead = isConsortium && await db.ActsForLeadMember(application, user.UserId!.Value, cancellationToken).ConfigureAwait(false);
        var completeness = ApplicationWorkflow.IsEditableByConsortium(application.Status)
            ? application.SubmissionFailures(
                    call,
                    [.. organisations.Values.Select(o => new MemberProfile(o.Id, o.Name, o.LegalForm, o.IsEss, o.RegionCode))],
                    [.. documents.Where(d => d.RequiredDocumentCode is not null).Select(d => d.RequiredDocumentCode!)],
                    clock.GetUtcNow())
                .Select(f => new FailureView(f.Code, f.Message)).ToList()
            : [];
        // Project years only (1 to the longest agreement), whatever an older plan holds: a read never builds more.
        var years = Enumerable.Range(1, Math.Clamp(application.DurationYears ?? application.Plan.Expenses.Select(e => e.Year).DefaultIfEmpty(0).Max(), 0, CallRules.LongestAgreementYears));

        return new ApplicationView(
            application.Id.Value,
            application.Version,
            application.Status,
            application.Reference,
            application.CreatedAt,
            application.SubmittedAt,
            application.WithdrawnAt,
            application.WithdrawalReason,
            new ApplicationCallView(
                call.Id.Value, call.Title, call.Mode, call.TimeZoneId, call.IsTwoStage, call.Categories,
                [.. call.Funders.Select(f => new CallFunderView(f.FunderId.Value, funders.GetValueOrDefault(f.FunderId, "?"), f.Envelope))]),
            application.Category,
            application.Stage,
            application.RulesVersion,
            call.RulesOfVersion(application.RulesVersion),
            application.LeadOrganisationId.Value,
            [.. application.Members.Select(m => ToView(organisations[m.OrganisationId], m))],
            application.Title,
            application.Description,
            application.Territory,
            application.Sectors,
            application.StartDate,
            application.DurationYears,
            application.Plan.Expenses,
            [.. application.Plan.Resources.Select(r => new ResourceInput(r.Year, r.Source, r.Amount, r.FunderId?.Value, r.Label))],
            [.. years.Select(y => new YearBalance(y, application.Plan.ExpensesOf(y), application.Plan.ResourcesOf(y), application.Plan.ExpensesOf(y) == application.Plan.ResourcesOf(y)))],
            [.. application.RequestedAmounts.Select(r => new RequestedAmountView(r.FunderId.Value, funders.GetValueOrDefault(r.FunderId, "?"), r.Amount))],
            application.TotalRequested,
            application.Indicators,
            documents,
            session,
            application.IsUnscheduled,
            completeness,
            isConsortium && ApplicationWorkflow.IsEditableByConsortium(application.Status),
            actsForLead,
            contributors,
            application.CorrectionItems,
            application.CorrectionsDueOn,
            application.IneligibilityReasons,
            history,
            await PublishedDecision(db, id, funders, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The current decision of the latest closed session that decided on the application; none while its session is not closed.</summary>
    private static async Task<PublishedDecisionView?> PublishedDecision(IPtceDbContext db, FundingApplicationId id, Dictionary<Domain.Funders.FunderId, string> funders, CancellationToken cancellationToken)
    {
        var published = await (
                from decision in db.CommitteeDecisions.AsNoTracking()
                join session in db.CommitteeSessions.AsNoTracking() on decision.SessionId equals session.Id
                where decision.ApplicationId == id && decision.SupersededAt == null && session.Status == SessionStatus.Closed
                orderby session.ClosedAt descending
                select new { decision.Outcome, SessionName = session.Name, session.ClosedAt, decision.Amounts, decision.DurationYears, decision.Conditions, decision.PublicReasons })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return published is null
            ? null
            : new PublishedDecisionView(
                published.Outcome,
                published.SessionName,
                published.ClosedAt!.Value,
                [.. published.Amounts.Select(a => new RequestedAmountView(a.FunderId.Value, funders.GetValueOrDefault(a.FunderId, "?"), a.Amount))],
                published.Amounts.Sum(a => a.Amount),
                published.DurationYears,
                published.Conditions,
                published.PublicReasons);
    }

    private static MemberView ToView(Organisation o, ConsortiumMember m) =>
        new(o.Id.Value, o.Name, o.Siret, o.Rna, o.LegalForm, LegalForms.Label(o.LegalForm), o.IsEss, o.RegionCode, m.Role, m.IsLead, m.BudgetShare);
}
