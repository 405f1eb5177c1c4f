using System.Globalization;

namespace PtceFunding.Domain.Applications;

/// <summary>Identifies a <see cref="FundingApplication"/>.</summary>
public readonly record struct FundingApplicationId(Guid Value)
{
    public static FundingApplicationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Where an application stands; the transitions are the table of <see cref="ApplicationWorkflow"/>.</summary>
public enum ApplicationStatus
{
    Draft = 0,
    Submitted = 1,
    Withdrawn = 2,
    CorrectionsRequested = 3,
    Complete = 4,
    Eligible = 5,
    Ineligible = 6,
    Accepted = 7,
    Rejected = 8,
}

/// <summary>The project part of an application, as the consortium writes it.</summary>
public sealed record ProjectDescription(
    string Title, string Description, string Territory, IReadOnlyList<string> Sectors, DateOnly? StartDate, int? DurationYears);

/// <summary>
/// A consortium application (candidature) to a call, filed by its lead member (chef de file).
/// Drafted by the consortium's users, then submitted: frozen, checked against the call's rules of
/// the day (whose version it keeps), and assigned to the next committee session.
/// </summary>
public sealed partial class FundingApplication : AggregateRoot
{
    private readonly List<ApplicationEvent> _history = [];
    private readonly List<ApplicationRoute> _routes = [];
    private List<ConsortiumMember> _members = [];

    private FundingApplication()
    {
    }

    public FundingApplicationId Id { get; private set; }

    public CallId CallId { get; private set; }

    public string Category { get; private set; } = "";

    /// <summary>1, or 2 for the funding stage of a two-stage call.</summary>
    public int Stage { get; private set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>The call's rules version the application is judged by: the current one while drafting, frozen at submission.</summary>
    public int RulesVersion { get; private set; }

    /// <summary>The legal beneficiary; it cannot change once the draft is started.</summary>
    public OrganisationId LeadOrganisationId { get; private set; }

    /// <summary>Region of the lead member, which routes the application to that territory's officers.</summary>
    public string RegionCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Territory { get; private set; } = "";

    public IReadOnlyList<string> Sectors { get; private set; } = [];

    public DateOnly? StartDate { get; private set; }

    public int? DurationYears { get; private set; }

    public IReadOnlyList<ConsortiumMember> Members
    {
        get => _members;
        private set => _members = [.. value];
    }

    public FinancingPlan Plan { get; private set; } = FinancingPlan.Empty;

    public IReadOnlyList<RequestedAmount> RequestedAmounts { get; private set; } = [];

    public IReadOnlyList<IndicatorCommitment> Indicators { get; private set; } = [];

    public Guid CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The receipt number (numéro de dépôt) given at submission.</summary>
    public string? Reference { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    /// <summary>The committee session it is examined at; null while submitted but unscheduled.</summary>
    public CommitteeSessionId? SessionId { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>The program officer who has taken the file.</summary>
    public Guid? AssignedOfficerId { get; private set; }

    /// <summary>What the consortium must change, while the application is sent back for corrections.</summary>
    public IReadOnlyList<string> CorrectionItems { get; private set; } = [];

    public DateOnly? CorrectionsDueOn { get; private set; }

    public string? IneligibilityReasons { get; private set; }

    /// <summary>The officer's instruction report (rapport d'instruction), for the committee.</summary>
    public string? InstructionReport { get; private set; }

    public IReadOnlyList<RequestedAmount> ProposedAmounts { get; private set; } = [];

    public int? ProposedDurationYears { get; private set; }

    public ScheduleShape? ProposedShape { get; private set; }

    public IReadOnlyList<ApplicationEvent> History => _history;

    /// <summary>The funders whose officers instruct it (fixed at submission).</summary>
    public IReadOnlyList<ApplicationRoute> Routes => _routes;

    /// <summary>The sum of <see cref="RequestedAmounts"/>, kept with them so that lists can sort and filter by it.</summary>
    public decimal TotalRequested { get; private set; }

    /// <summary>How many organisations the consortium counts, kept with <see cref="Members"/> for the same reason.</summary>
    public int MembersCount { get; private set; }

    public decimal TotalProposed => ProposedAmounts.Sum(r => r.Amount);

    /// <summary>Submitted and not decided yet, but no session of the call can examine it yet.</summary>
    public bool IsUnscheduled => IsAwaitingDecision(Status) && SessionId is null;

    /// <summary>The states in which an application waits for its committee session.</summary>
    public static IReadOnlyList<ApplicationStatus> AwaitingDecisionStatuses { get; } =
        [ApplicationStatus.Submitted, ApplicationStatus.CorrectionsRequested, ApplicationStatus.Complete, ApplicationStatus.Eligible];

    /// <summary>Submitted and not decided yet: the one rule of the inbox, the committee agenda and the reminders.</summary>
    public static Specification<FundingApplication> AwaitingDecision { get; } = new(a => AwaitingDecisionStatuses.Contains(a.Status));

    public static bool IsAwaitingDecision(ApplicationStatus status) => AwaitingDecisionStatuses.Contains(status);

    public static Result<FundingApplication> Start(
        FundingApplicationId id, Call call, string category, int stage, MemberProfile lead, string title, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(lead);
        if (!call.AcceptsApplicationsAt(now))
        {
            return Error.RuleBroken("call.not_accepting", "Cet appel ne reçoit pas de candidatures en ce moment.");
        }

        var categoryError = CheckCategoryAndStage(call, category, stage);
        if (categoryError is not null)
        {
            return categoryError;
        }

        return new FundingApplication
        {
            Id = id,
            CallId = call.Id,
            Category = call.Categories.First(c => string.Equals(c, category.Trim(), StringComparison.OrdinalIgnoreCase)),
            Stage = stage,
            Status = ApplicationStatus.Draft,
            RulesVersion = call.CurrentRulesVersion,
            LeadOrganisationId = lead.OrganisationId,
            RegionCode = lead.RegionCode,
            Title = title.Trim(),
            CreatedBy = userId,
            CreatedAt = now.UtcDateTime,
            _members = [new ConsortiumMember(lead.OrganisationId, MemberRole.Founding, IsLead: true)],
            MembersCount = 1,
        };
    }

    public Result DescribeProject(ProjectDescription project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (FrozenError() is { } frozen)
        {
            return frozen;
        }

        if (project.DurationYears is < 1 or > CallRules.LongestAgreementYears)
        {
            return Error.Validation("DurationYears", $"La durée du projet est comprise entre 1 et {CallRules.LongestAgreementYears} ans.");
        }

        Title = project.Title.Trim();
        Description = project.Description.Trim();
        Territory = project.Territory.Trim();
        Sectors = [.. project.Sectors.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        StartDate = project.StartDate;
        DurationYears = project.DurationYears;
        return Result.Success();
    }

    /// <summary>Replaces the consortium; the lead member stays the one the draft was started for.</summary>
    public Result ComposeConsortium(IReadOnlyList<ConsortiumMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (FrozenError() is { } frozen)
        {
            return frozen;
        }

        var leads = members.Where(m => m.IsLead).ToList();
        if (leads.Count != 1 || leads[0].OrganisationId != LeadOrganisationId)
        {
            return Error.RuleBroken("application.lead_member_fixed", "Le chef de file est l'organisation qui a ouvert le dossier ; il figure une seule fois dans le consortium.");
        }

        if (members.Select(m => m.OrganisationId).Distinct().Count() != members.Count)
        {
            return Error.Validation("Members", "Une organisation ne figure qu'une fois dans le consortium.");
        }

        if (members.Any(m => m.BudgetShare is < 0 or > 100) || members.Sum(m => m.BudgetShare ?? 0) > 100)
        {
            return Error.Validation("Members", "Les parts budgétaires sont des pourcentages dont la somme ne dépasse pas 100 %.");
        }

        _members = [.. members];
        MembersCount = _members.Count;
        return Result.Success();
    }

    public Result PlanFinancing(FinancingPlan plan, IReadOnlyList<RequestedAmount> requested)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(requested);
        if (FrozenError() is { } frozen)
        {
            return frozen;
        }

        var amounts = plan.CheckAmounts();
        if (!amounts.IsSuccess)
        {
            return amounts;
        }

        var funderLines = plan.CheckFunderLines();
        if (!funderLines.IsSuccess)
        {
            return funderLines;
        }

        if (requested.Any(r => !Money.IsValidAmount(r.Amount)) || requested.Select(r => r.FunderId).Distinct().Count() != requested.Count)
        {
            return Error.Validation("RequestedAmounts", "Un montant positif en euros et centimes par financeur, une seule fois chacun.");
        }

        Plan = plan;
        RequestedAmounts = [.. requested];
        TotalRequested = RequestedAmounts.Sum(r => r.Amount);
        return Result.Success();
    }

    public Result CommitToIndicators(IReadOnlyList<IndicatorCommitment> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        if (FrozenError() is { } frozen)
        {
            return frozen;
        }

        if (indicators.Select(i => i.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count() != indicators.Count)
        {
            return Error.Validation("Indicators", "Chaque indicateur n'apparaît qu'une fois.");
        }

        Indicators = [.. indicators];
        return Result.Success();
    }

    /// <summary>The lead member invites a verified user of another consortium member to contribute to the draft.</summary>
    public Result<ApplicationContributor> InviteContributor(Guid userId, OrganisationId organisationId, Guid invitedBy, DateTimeOffset now)
    {
        if (FrozenError() is { } frozen)
        {
            return frozen;
        }

        if (organisationId == LeadOrganisationId || _members.All(m => m.OrganisationId != organisationId))
        {
            return Error.RuleBroken("application.contributor_not_member", "On invite les utilisateurs des autres membres du consortium.");
        }

        return new ApplicationContributor(Id, userId, organisationId, invitedBy, now);
    }

    /// <summary>
    /// Submits the application (the transition table's Draft → Submitted): every rule is checked at once; it is
    /// frozen under the call's current rules version, gets its receipt number, joins the next session (or waits
    /// unscheduled when the call has none yet) and is routed to the call's funders whose territory holds it.
    /// </summary>
    public Result Submit(
        Call call, IReadOnlyList<MemberProfile> members, IReadOnlyCollection<string> attachedDocumentCodes, IEnumerable<CommitteeSession> sessions,
        IEnumerable<Funder> callFunders, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(callFunders);
        if (!ApplicationWorkflow.Allows(Status, ApplicationAction.Submit))
        {
            return ApplicationWorkflow.Next(Status, ApplicationAction.Submit).Error!;
        }

        var failures = SubmissionFailures(call, members, attachedDocumentCodes, now);
        if (failures.Count > 0)
        {
            return Error.RulesBroken("application.not_submittable", $"Le dossier ne peut pas être déposé : {failures.Count} point(s) à corriger.", failures);
        }

        Move(ApplicationAction.Submit);
        RulesVersion = call.CurrentRulesVersion;
        RegionCode = members.Single(m => m.OrganisationId == LeadOrganisationId).RegionCode;
        SubmittedAt = now.UtcDateTime;
        SubmittedBy = userId;
        Reference = ReceiptNumber(Id, now, call.TimeZoneId);
        SessionId = CommitteeSession.NextFor(sessions.Where(s => s.CallId == CallId), call.TimeZoneId, now)?.Id;
        RouteTo(callFunders.Where(f => call.IsFundedBy(f.Id)));
        Record(ApplicationEventKind.Submitted, userId, $"Dossier déposé sous le numéro {Reference}.", now);
        Raise(new ApplicationSubmitted(this, now));
        return Result.Success();
    }

    /// <summary>
    /// Fixes who instructs the application: the call's funders whose territory contains the lead
    /// member's region (the State's national level contains every region).
    /// </summary>
    private void RouteTo(IEnumerable<Funder> callFunders)
    {
        foreach (var funder in callFunders.Where(f => f.Territory.Contains(RegionCode) && _routes.All(r => r.FunderId != f.Id)))
        {
            _routes.Add(new ApplicationRoute(Id, funder.Id));
        }
    }

    /// <summary>A program officer takes the file, or hands it to another; the history keeps every assignment.</summary>
    public Result Assign(Guid officerId, string officerName, Guid assignedBy, DateTimeOffset now)
    {
        if (Status is ApplicationStatus.Draft or ApplicationStatus.Withdrawn or ApplicationStatus.Ineligible or ApplicationStatus.Accepted or ApplicationStatus.Rejected)
        {
            return Error.RuleBroken("application.not_under_review", $"Un dossier {ApplicationWorkflow.InStatus(Status)} ne s'instruit pas.");
        }

        if (AssignedOfficerId == officerId)
        {
            return Result.Success();
        }

        var reassigned = AssignedOfficerId is not null;
        AssignedOfficerId = officerId;
        Record(ApplicationEventKind.Assigned, assignedBy, reassigned ? $"Dossier réattribué à {officerName}." : $"Dossier pris en charge par {officerName}.", now);
        return Result.Success();
    }

    /// <summary>
    /// The officer sends the application back to the consortium with the changes to make and a due date,
    /// which must be after today in the call's time zone (<paramref name="timeZoneId"/>).
    /// </summary>
    public Result RequestCorrections(IReadOnlyList<string> items, DateOnly dueOn, Guid officerId, DateTimeOffset now, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(items);
        var today = now.Today(timeZoneId);
        if (dueOn <= today)
        {
            return Error.Validation("DueOn", $"La date limite des corrections est postérieure à aujourd'hui ({today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}).");
        }

        var cleaned = items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (cleaned.Count == 0)
        {
            return Error.Validation("Items", "Indiquez au moins une correction attendue.");
        }

        var next = Move(ApplicationAction.RequestCorrections);
        if (!next.IsSuccess)
        {
            return next;
        }

        CorrectionItems = cleaned;
        CorrectionsDueOn = dueOn;
        Record(ApplicationEventKind.CorrectionsRequested, officerId, $"Corrections demandées pour le {dueOn:dd/MM/yyyy} : {string.Join(" ; ", cleaned)}", now);
        Raise(new ApplicationCorrectionsRequested(this, now));
        return Result.Success();
    }

    /// <summary>The lead member sends the corrected application back; it is checked again under its rules version.</summary>
    public Result Resubmit(Call call, IReadOnlyList<MemberProfile> members, IReadOnlyCollection<string> attachedDocumentCodes, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!ApplicationWorkflow.Allows(Status, ApplicationAction.Resubmit))
        {
            return ApplicationWorkflow.Next(Status, ApplicationAction.Resubmit).Error!;
        }

        var failures = SubmissionFailures(call, members, attachedDocumentCodes, now);
        if (failures.Count > 0)
        {
            return Error.RulesBroken("application.not_submittable", $"Le dossier ne peut pas être redéposé : {failures.Count} point(s) à corriger.", failures);
        }

        Move(ApplicationAction.Resubmit);
        CorrectionItems = [];
        CorrectionsDueOn = null;
        Record(ApplicationEventKind.Resubmitted, userId, "Dossier corrigé et redéposé.", now);
        Raise(new ApplicationResubmitted(this, now));
        return Result.Success();
    }

    public Result ConfirmCompleteness(Guid officerId, DateTimeOffset now) =>
        Transition(ApplicationAction.ConfirmCompleteness, ApplicationEventKind.CompletenessConfirmed, officerId, "Dossier déclaré complet.", now);

    /// <summary>The officer declares the application eligible, or ineligible with the reasons the consortium will read.</summary>
    public Result DeclareEligibility(bool eligible, string? reasons, Guid officerId, DateTimeOffset now)
    {
        if (eligible)
        {
            return Transition(ApplicationAction.DeclareEligible, ApplicationEventKind.DeclaredEligible, officerId, "Dossier déclaré éligible.", now);
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            return Error.Validation("Reasons", "Indiquez les motifs de l'inéligibilité : ils sont communiqués au consortium.");
        }

        var declared = Transition(ApplicationAction.DeclareIneligible, ApplicationEventKind.DeclaredIneligible, officerId, $"Dossier déclaré inéligible : {reasons.Trim()}", now);
        if (declared.IsSuccess)
        {
            IneligibilityReasons = reasons.Trim();
            Raise(new ApplicationDeclaredIneligible(this, now));
        }

        return declared;
    }

    /// <summary>The officer's report and proposal to the committee: amount per funder, duration, schedule shape.</summary>
    public Result Propose(string report, IReadOnlyList<RequestedAmount> amounts, int durationYears, ScheduleShape shape, Guid officerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        if (Status is not (ApplicationStatus.Complete or ApplicationStatus.Eligible))
        {
            return Error.RuleBroken("application.not_under_review", $"On propose un financement pour un dossier complet ou éligible, pas pour un dossier {ApplicationWorkflow.InStatus(Status)}.");
        }

        if (durationYears is < 1 or > CallRules.LongestAgreementYears || amounts.Any(a => a.Amount < 0 || !Money.IsInCents(a.Amount)))
        {
            return Error.Validation("Proposal", $"La proposition porte sur 1 à {CallRules.LongestAgreementYears} ans et des montants positifs en euros et centimes.");
        }

        InstructionReport = report.Trim();
        ProposedAmounts = [.. amounts];
        ProposedDurationYears = durationYears;
        ProposedShape = shape;
        Record(ApplicationEventKind.Proposed, officerId, $"Proposition : {Money.Format(TotalProposed)} sur {durationYears} an(s).", now);
        return Result.Success();
    }

    /// <summary>
    /// Applies a committee decision recorded at <paramref name="session"/>; a deferral moves the
    /// application to <paramref name="nextSession"/> (or leaves it waiting for one). When the decision
    /// supersedes a deferral of that same (still open) session, the application has already moved on:
    /// <paramref name="supersedesDeferral"/> brings it back to the session that decides.
    /// </summary>
    public Result ApplyDecision(
        ApplicationAction decision, CommitteeSessionId session, CommitteeSessionId? nextSession, Guid recordedBy, string summary, DateTimeOffset now, bool supersedesDeferral = false)
    {
        if (decision is not (ApplicationAction.Accept or ApplicationAction.Reject or ApplicationAction.Defer))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "A committee decides to accept, reject or defer.");
        }

        if (SessionId != session && !supersedesDeferral)
        {
            return Error.RuleBroken("decision.not_on_agenda", "Ce dossier n'est pas à l'ordre du jour de cette session.");
        }

        var moved = Transition(decision, ApplicationEventKind.Decided, recordedBy, summary, now);
        if (moved.IsSuccess)
        {
            SessionId = decision == ApplicationAction.Defer ? nextSession : session;
        }

        return moved;
    }

    /// <summary>A file not ready for its session's meeting rolls to the next session (or waits for one).</summary>
    public void RollTo(CommitteeSessionId? nextSession, string sessionName, DateTimeOffset now)
    {
        SessionId = nextSession;
        Record(ApplicationEventKind.RolledToNextSession, null, nextSession is null ? "Dossier non prêt : en attente de la prochaine session." : $"Dossier non prêt : reporté à la session « {sessionName} ».", now);
    }

    /// <summary>A session created after the application was submitted picks it up.</summary>
    public Result Schedule(CommitteeSession session, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!IsUnscheduled || session.CallId != CallId || session.Status != SessionStatus.Planned)
        {
            return Error.RuleBroken("application.not_unscheduled", "Ce dossier n'attend pas de session.");
        }

        if (session.CutOff(timeZoneId).EndsAt <= new DateTimeOffset(SubmittedAt!.Value, TimeSpan.Zero))
        {
            return Error.RuleBroken("session.cut_off_before_submission", "La date limite de cette session précède le dépôt du dossier.");
        }

        SessionId = session.Id;
        return Result.Success();
    }

    /// <summary>The lead member withdraws the application, at any time before a decision.</summary>
    public Result Withdraw(string reason, DateTimeOffset now)
    {
        if (Status == ApplicationStatus.Withdrawn)
        {
            return Error.RuleBroken("application.already_withdrawn", "Ce dossier est déjà retiré.");
        }

        var moved = Move(ApplicationAction.Withdraw);
        if (!moved.IsSuccess)
        {
            return moved;
        }

        WithdrawnAt = now.UtcDateTime;
        WithdrawalReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (SubmittedAt is not null)
        {
            Record(ApplicationEventKind.Withdrawn, null, WithdrawalReason is null ? "Dossier retiré par le chef de file." : $"Dossier retiré par le chef de file : {WithdrawalReason}", now);
        }

        return Result.Success();
    }

    /// <summary>
    /// "PTCE-2026-8F3A2C91D0": the year of submission in the call's time zone (an application filed at
    /// 00:30 on 1 January in Paris is of the new year) and 40 random bits of the identifier.
    /// </summary>
    public static string ReceiptNumber(FundingApplicationId id, DateTimeOffset submittedAt, string timeZoneId) =>
        $"PTCE-{submittedAt.Today(timeZoneId).Year}-{id.Value.ToString("N")[^10..].ToUpperInvariant()}";

    private Error? FrozenError() => ApplicationWorkflow.IsEditableByConsortium(Status)
        ? null
        : Error.RuleBroken("application.frozen", "Un dossier déposé ne se modifie plus.");

    private Result Move(ApplicationAction action)
    {
        var next = ApplicationWorkflow.Next(Status, action);
        if (!next.IsSuccess)
        {
            return next.Error;
        }

        Status = next.Value;
        return Result.Success();
    }

    private Result Transition(ApplicationAction action, ApplicationEventKind kind, Guid? actorId, string details, DateTimeOffset now)
    {
        var moved = Move(action);
        if (moved.IsSuccess)
        {
            Record(kind, actorId, details, now);
        }

        return moved;
    }

    private void Record(ApplicationEventKind kind, Guid? actorId, string details, DateTimeOffset now) =>
        _history.Add(new ApplicationEvent(Id, kind, actorId, details, now));
}
