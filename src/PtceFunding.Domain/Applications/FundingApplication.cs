using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Domain.Applications;

/// <summary>Identifies a <see cref="FundingApplication"/>.</summary>
public readonly record struct FundingApplicationId(Guid Value)
{
    public static FundingApplicationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Where an application stands; the review issue adds the states after submission.</summary>
public enum ApplicationStatus
{
    Draft = 0,
    Submitted = 1,
    Withdrawn = 2,
}

/// <summary>The project part of an application, as the consortium writes it.</summary>
public sealed record ProjectDescription(
    string Title, string Description, string Territory, IReadOnlyList<string> Sectors, DateOnly? StartDate, int? DurationYears);

/// <summary>
/// A consortium application (candidature) to a call, filed by its lead member (chef de file).
/// Drafted by the consortium's users, then submitted: frozen, checked against the call's rules of
/// the day (whose version it keeps), and assigned to the next committee session.
/// </summary>
public sealed class FundingApplication : AggregateRoot
{
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

    public decimal TotalRequested => RequestedAmounts.Sum(r => r.Amount);

    public bool IsUnscheduled => Status == ApplicationStatus.Submitted && SessionId is null;

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

        if (requested.Any(r => r.Amount < 0 || !Money.IsInCents(r.Amount)) || requested.Select(r => r.FunderId).Distinct().Count() != requested.Count)
        {
            return Error.Validation("RequestedAmounts", "Un montant positif en euros et centimes par financeur, une seule fois chacun.");
        }

        Plan = plan;
        RequestedAmounts = [.. requested];
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
    /// Every failure that prevents submission, at once: completeness, financing plan, eligibility
    /// under the call's current rules, documents. An empty list means the application can be submitted.
    /// </summary>
    public IReadOnlyList<Error> SubmissionFailures(Call call, IReadOnlyList<MemberProfile> members, IReadOnlyCollection<string> attachedDocumentCodes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(attachedDocumentCodes);
        var rules = call.CurrentRules;
        var failures = new List<Error>();
        if (Status != ApplicationStatus.Draft)
        {
            return [FrozenError()!];
        }

        if (!call.AcceptsApplicationsAt(now))
        {
            failures.Add(Error.RuleBroken("call.not_accepting", "Cet appel ne reçoit pas de candidatures en ce moment."));
        }

        if (CheckCategoryAndStage(call, Category, Stage) is { } categoryError)
        {
            failures.Add(categoryError);
        }

        if (_members.Count(m => m.IsLead) != 1)
        {
            failures.Add(Error.RuleBroken("application.lead_member_required", "Le consortium a un et un seul chef de file."));
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            failures.Add(Error.RuleBroken("application.title_missing", "Donnez un titre au projet."));
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            failures.Add(Error.RuleBroken("application.description_missing", "Décrivez le projet."));
        }

        if (StartDate is null || DurationYears is null)
        {
            failures.Add(Error.RuleBroken("application.schedule_missing", "Indiquez la date de début et la durée du projet."));
        }

        if (DurationYears is { } duration)
        {
            failures.AddRange(Plan.Failures(duration));
            failures.AddRange(IndicatorFailures(rules, duration));
        }

        failures.AddRange(RequestedAmountFailures(call));
        failures.AddRange(Eligibility.Failures(rules.Eligibility, _members, members, TotalRequested, DurationYears));
        failures.AddRange(rules.Documents
            .Where(d => !attachedDocumentCodes.Contains(d.Code))
            .Select(d => Error.RuleBroken("application.document_missing", $"Pièce manquante : {d.Label}.")));
        return failures;
    }

    /// <summary>
    /// Submits the application: it is frozen under the call's current rules version, gets its receipt
    /// number and joins the next session (or waits unscheduled when the call has none yet).
    /// </summary>
    public Result Submit(Call call, IReadOnlyList<MemberProfile> members, IReadOnlyCollection<string> attachedDocumentCodes, IEnumerable<CommitteeSession> sessions, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(sessions);
        var failures = SubmissionFailures(call, members, attachedDocumentCodes, now);
        if (failures.Count > 0)
        {
            return Error.RulesBroken("application.not_submittable", $"Le dossier ne peut pas être déposé : {failures.Count} point(s) à corriger.", failures);
        }

        Status = ApplicationStatus.Submitted;
        RulesVersion = call.CurrentRulesVersion;
        RegionCode = members.Single(m => m.OrganisationId == LeadOrganisationId).RegionCode;
        SubmittedAt = now.UtcDateTime;
        SubmittedBy = userId;
        Reference = ReceiptNumber(Id, now, call.TimeZoneId);
        SessionId = CommitteeSession.NextFor(sessions.Where(s => s.CallId == CallId), call.TimeZoneId, now)?.Id;
        return Result.Success();
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

        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now.UtcDateTime;
        WithdrawalReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return Result.Success();
    }

    /// <summary>
    /// "PTCE-2026-8F3A2C91D0": the year of submission in the call's time zone (an application filed at
    /// 00:30 on 1 January in Paris is of the new year) and 40 random bits of the identifier.
    /// </summary>
    public static string ReceiptNumber(FundingApplicationId id, DateTimeOffset submittedAt, string timeZoneId) =>
        $"PTCE-{Deadline.LocalDate(submittedAt, timeZoneId).Year}-{id.Value.ToString("N")[^10..].ToUpperInvariant()}";

    private Error? FrozenError() => Status == ApplicationStatus.Draft
        ? null
        : Error.RuleBroken("application.frozen", "Un dossier déposé ne se modifie plus.");

    private static Error? CheckCategoryAndStage(Call call, string category, int stage)
    {
        if (!call.Categories.Contains(category.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return Error.RuleBroken("application.category_unknown", $"« {category} » n'est pas une catégorie de cet appel ({string.Join(", ", call.Categories)}).");
        }

        return stage == 1 || (stage == 2 && call.IsTwoStage)
            ? null
            : Error.RuleBroken("application.stage_invalid", call.IsTwoStage ? "Cet appel a deux étapes : 1 ou 2." : "Cet appel n'a qu'une étape.");
    }

    private IEnumerable<Error> IndicatorFailures(CallRules rules, int duration)
    {
        foreach (var indicator in rules.Indicators)
        {
            var commitment = Indicators.FirstOrDefault(i => string.Equals(i.Code, indicator.Code, StringComparison.OrdinalIgnoreCase));
            if (commitment is null || commitment.YearlyTargets.Count != duration)
            {
                yield return Error.RuleBroken("application.indicator_missing", $"Indicateur « {indicator.Label} » : indiquez la valeur de départ et une cible pour chacune des {duration} années.");
            }
        }
    }

    private IEnumerable<Error> RequestedAmountFailures(Call call)
    {
        if (TotalRequested <= 0)
        {
            yield return Error.RuleBroken("application.amount_missing", "Indiquez le montant demandé à au moins un financeur de l'appel.");
        }

        foreach (var requested in RequestedAmounts)
        {
            if (!call.IsFundedBy(requested.FunderId))
            {
                yield return Error.RuleBroken("application.funder_not_in_call", "Un montant est demandé à un financeur qui ne finance pas cet appel.");
            }
            else if (Plan.RequestedFrom(requested.FunderId) != requested.Amount)
            {
                yield return Error.RuleBroken(
                    "application.amount_not_in_plan",
                    $"Le montant demandé à un financeur ({Money.Format(requested.Amount)}) diffère des ressources attendues de lui dans le plan ({Money.Format(Plan.RequestedFrom(requested.FunderId))}).");
            }
        }

        // Resources the plan expects from a funder must be asked of it: otherwise the total requested
        // (which the call's maximum is checked against) understates what the consortium counts on.
        var unasked = Plan.Resources
            .Where(r => r.FunderId is { } funderId && RequestedAmounts.All(a => a.FunderId != funderId))
            .GroupBy(r => r.FunderId!.Value)
            .Where(g => g.Sum(r => r.Amount) != 0);
        foreach (var resources in unasked)
        {
            yield return call.IsFundedBy(resources.Key)
                ? Error.RuleBroken(
                    "application.amount_not_in_plan",
                    $"Le plan attend {Money.Format(resources.Sum(r => r.Amount))} d'un financeur de l'appel à qui aucun montant n'est demandé.")
                : Error.RuleBroken("application.funder_not_in_call", "Le plan attend des ressources d'un financeur qui ne finance pas cet appel.");
        }
    }
}
