namespace PtceFunding.Domain.Agreements;

/// <summary>Identifies an <see cref="Agreement"/>.</summary>
public readonly record struct AgreementId(Guid Value)
{
    public static AgreementId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// A multi-year objectives agreement (convention pluriannuelle d'objectifs) between the funders of an
/// accepted decision and the consortium, represented by its lead member. Drafted from the decision, signed by
/// each funder's officer and the lead member, then active until completed or terminated early. Its terms
/// (amounts and yearly amounts per funder, duration, lead member) live in numbered versions: amendments add
/// versions, earlier ones stay readable.
/// </summary>
public sealed class Agreement : AggregateRoot
{
    private readonly List<AgreementVersion> _versions = [];
    private readonly List<AgreementSignature> _signatures = [];
    private readonly List<LegalCommitment> _legalCommitments = [];

    private Agreement()
    {
    }

    public AgreementId Id { get; private set; }

    public CommitteeDecisionId DecisionId { get; private set; }

    public FundingApplicationId ApplicationId { get; private set; }

    public CallId CallId { get; private set; }

    public AgreementStatus Status { get; private set; }

    /// <summary>The object of the agreement: the project's title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The object of the agreement: the project's description.</summary>
    public string Description { get; private set; } = "";

    public DateOnly StartDate { get; private set; }

    /// <summary>Anniversary years from the start date instead of budget (calendar) years.</summary>
    public bool AnniversaryYears { get; private set; }

    public int ReportDueAfterMonths { get; private set; }

    public PaymentTerms PaymentTerms { get; private set; } = new(AgreementSettings.DefaultAdvancePercentage);

    /// <summary>The members of the consortium party, with their budget shares, as in the application.</summary>
    public IReadOnlyList<AgreementMember> Members { get; private set; } = [];

    public IReadOnlyList<AgreementObjective> Objectives { get; private set; } = [];

    public IReadOnlyList<AgreementSignature> Signatures => _signatures;

    /// <summary>Each funder's legal commitment (engagement juridique) reference, recorded by its finance staff.</summary>
    public IReadOnlyList<LegalCommitment> LegalCommitments => _legalCommitments;

    /// <summary>Payments are held while the agreement is not in force (a draft, or after it ended early).</summary>
    public bool PaymentsHeld => !PaysOut.IsSatisfiedBy(this);

    /// <summary>Signed, in force or completed: an agreement whose installments may be paid (the holds, the payment reminders).</summary>
    public static Specification<Agreement> PaysOut { get; } = new(a =>
        a.Status == AgreementStatus.Signed || a.Status == AgreementStatus.Active || a.Status == AgreementStatus.Completed);

    /// <summary>Signed and not yet completed or terminated.</summary>
    public static IReadOnlyList<AgreementStatus> InForceStatuses { get; } = [AgreementStatus.Signed, AgreementStatus.Active];

    /// <summary>In force: the one rule of the payments forecast, the agreement pages and early termination.</summary>
    public static Specification<Agreement> InForce { get; } = new(a => InForceStatuses.Contains(a.Status));

    public static bool IsInForce(AgreementStatus status) => InForceStatuses.Contains(status);

    /// <summary>The day the last signature was given.</summary>
    public DateOnly? SignedOn => SignedAt is { } signedAt ? new DateTimeOffset(DateTime.SpecifyKind(signedAt, DateTimeKind.Utc)).Today() : null;

    /// <summary>Every version of the terms, the first drafted one (number 0) first; the current one is the last.</summary>
    public IReadOnlyList<AgreementVersion> Versions => _versions;

    public Guid DraftedBy { get; private set; }

    public DateTime DraftedAt { get; private set; }

    /// <summary>When the last signature was given.</summary>
    public DateTime? SignedAt { get; private set; }

    public DateTime? ActivatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateOnly? TerminatedOn { get; private set; }

    public string? TerminationReason { get; private set; }

    public AgreementVersion CurrentVersion => _versions[^1];

    public IReadOnlyList<FunderCommitment> Funders => CurrentVersion.Funders;

    public int DurationYears => CurrentVersion.DurationYears;

    /// <summary>The current lead member (that of the current version), kept as a column so that queries find its agreements.</summary>
    public OrganisationId LeadOrganisationId { get; private set; }

    public decimal Total => CurrentVersion.Total;

    public DateOnly EndDate => AgreementYear.EndOf(StartDate, DurationYears);

    /// <summary>The agreement years under the current terms, with their dates and prorata weights.</summary>
    public IReadOnlyList<AgreementYear> Years => AgreementYear.Sequence(StartDate, DurationYears, AnniversaryYears);

    /// <summary>
    /// The reports owed under the current terms: for each agreement year an activity and a financial
    /// report due <see cref="ReportDueAfterMonths"/> months after its end, then a final report as long after the agreement's end.
    /// After an early termination, the years starting after <see cref="TerminatedOn"/> owe nothing and the final report
    /// covers the agreement up to that date.
    /// </summary>
    public IReadOnlyList<ReportingObligation> ReportingObligations
    {
        get
        {
            var obligations = new List<ReportingObligation>();
            var end = TerminatedOn is { } terminatedOn && terminatedOn < EndDate ? terminatedOn : EndDate;
            foreach (var year in Years.Where(y => y.Start <= end))
            {
                var due = DueAfter(year.End, ReportDueAfterMonths);
                obligations.Add(new ReportingObligation(ReportKind.Activity, year.Number, year.Start, year.End, due));
                obligations.Add(new ReportingObligation(ReportKind.Financial, year.Number, year.Start, year.End, due));
            }

            obligations.Add(new ReportingObligation(ReportKind.Final, null, StartDate, end, DueAfter(end, ReportDueAfterMonths)));
            return obligations;
        }
    }

    /// <summary>The parties whose signature is still awaited, while a draft: funders first, then the lead member.</summary>
    public IReadOnlyList<(SignatoryKind Kind, FunderId? FunderId)> MissingSignatures =>
    [
        .. Funders.Where(f => !_signatures.Any(s => s.Kind == SignatoryKind.Funder && s.FunderId == f.FunderId))
            .Select(f => (SignatoryKind.Funder, (FunderId?)f.FunderId)),
        .. _signatures.Any(s => s.Kind == SignatoryKind.LeadMember) ? [] : new[] { (SignatoryKind.LeadMember, (FunderId?)null) },
    ];

    /// <summary>
    /// Drafts the agreement of an accepted, current <paramref name="decision"/> on <paramref name="application"/>:
    /// its funders with the granted totals (split by year as <paramref name="funders"/> says), the lead member and
    /// the members with their shares, the project as object, its indicators as objectives, the decided duration.
    /// </summary>
    public static Result<Agreement> DraftFrom(
        AgreementId id,
        CommitteeDecision decision,
        FundingApplication application,
        IReadOnlyList<FunderCommitment> funders,
        AgreementSettings settings,
        Guid draftedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(funders);
        ArgumentNullException.ThrowIfNull(settings);
        if (decision.ApplicationId != application.Id)
        {
            throw new ArgumentException("The decision is not about this application.", nameof(decision));
        }

        if (!decision.IsCurrent)
        {
            return Error.RuleBroken("agreement.decision_superseded", "Cette décision a été corrigée par une décision ultérieure : la convention se rédige d'après la décision en vigueur.");
        }

        if (decision.Outcome != DecisionOutcome.Accepted)
        {
            return Error.RuleBroken("agreement.decision_not_accepted", "Seul un dossier retenu par le comité donne lieu à une convention.");
        }

        var duration = decision.DurationYears ?? 0;
        if (DurationError(duration) is { } durationError)
        {
            return durationError;
        }

        if ((settings.StartDate ?? application.StartDate) is not { } startDate)
        {
            return Error.RuleBroken("agreement.start_date_missing", "La date de début du projet n'est pas connue.");
        }

        if (settings.AdvancePercentage is < 0 or > 100)
        {
            return Error.Validation("AdvancePercentage", "L'avance est un pourcentage du montant annuel, entre 0 et 100 %.");
        }

        if (settings.ReportDueAfterMonths is < 1 or > 24)
        {
            return Error.Validation("ReportDueAfterMonths", "Les comptes rendus sont dus entre 1 et 24 mois après la fin de l'année.");
        }

        var granted = decision.Amounts.ToDictionary(a => a.FunderId, a => a.Amount);
        if (funders.Count != granted.Count || funders.Any(f => !granted.TryGetValue(f.FunderId, out var amount) || amount != f.Total))
        {
            return Error.RuleBroken("agreement.totals_mismatch", "Chaque financeur de la décision s'engage dans la convention pour le montant décidé, et seulement eux.");
        }

        var yearsCount = AgreementYear.Sequence(startDate, duration, settings.AnniversaryYears).Count;
        if (CheckCommitments(funders, yearsCount) is { } invalid)
        {
            return invalid;
        }

        var lead = application.Members.SingleOrDefault(m => m.IsLead)?.OrganisationId ?? application.LeadOrganisationId;
        var agreement = new Agreement
        {
            Id = id,
            DecisionId = decision.Id,
            ApplicationId = application.Id,
            CallId = application.CallId,
            Status = AgreementStatus.Draft,
            Title = application.Title,
            Description = application.Description,
            StartDate = startDate,
            AnniversaryYears = settings.AnniversaryYears,
            ReportDueAfterMonths = settings.ReportDueAfterMonths,
            PaymentTerms = new PaymentTerms(settings.AdvancePercentage),
            Members = [.. application.Members.Select(m => new AgreementMember(m.OrganisationId, m.Role, m.BudgetShare))],
            Objectives = [.. application.Indicators.Select(i => new AgreementObjective(i.Code, i.Baseline, [.. i.YearlyTargets]))],
            DraftedBy = draftedBy,
            DraftedAt = now.UtcDateTime,
            LeadOrganisationId = lead,
        };
        agreement._versions.Add(new AgreementVersion(0, AmendmentKind.Initial, startDate, null, Copy(funders), duration, lead, now.UtcDateTime));
        return agreement;
    }

    /// <summary>A funder's officer signs for that funder. The last signature makes the agreement signed (active at once when it starts on or before that day).</summary>
    public Result SignByFunder(FunderId funderId, Guid officerId, DateTimeOffset now)
    {
        if (SignableError() is { } error)
        {
            return error;
        }

        if (Funders.All(f => f.FunderId != funderId))
        {
            return Error.RuleBroken("agreement.not_a_party", "Ce financeur n'est pas partie à la convention.");
        }

        if (_signatures.Any(s => s.Kind == SignatoryKind.Funder && s.FunderId == funderId))
        {
            return Error.RuleBroken("agreement.already_signed", "Ce financeur a déjà signé la convention.");
        }

        _signatures.Add(new AgreementSignature(SignatoryKind.Funder, funderId, officerId, now.UtcDateTime));
        return CompleteSignatures(now);
    }

    /// <summary>A user acting for the lead member signs on behalf of the consortium (the caller checks who may).</summary>
    public Result SignByLeadMember(Guid userId, DateTimeOffset now)
    {
        if (SignableError() is { } error)
        {
            return error;
        }

        if (_signatures.Any(s => s.Kind == SignatoryKind.LeadMember))
        {
            return Error.RuleBroken("agreement.already_signed", "Le chef de file a déjà signé la convention.");
        }

        _signatures.Add(new AgreementSignature(SignatoryKind.LeadMember, null, userId, now.UtcDateTime));
        return CompleteSignatures(now);
    }

    /// <summary>A signed agreement enters into force once its start date is reached (the day is read in the offset of <paramref name="now"/>).</summary>
    public Result Activate(DateTimeOffset now)
    {
        if (Status == AgreementStatus.Draft)
        {
            return SignatureMissing();
        }

        var next = AgreementWorkflow.Next(Status, AgreementAction.Activate);
        if (!next.IsSuccess)
        {
            return next.Error;
        }

        if (now.Today() < StartDate)
        {
            return Error.RuleBroken("agreement.not_started", $"La convention prend effet le {StartDate:dd/MM/yyyy}.");
        }

        Status = next.Value;
        ActivatedAt = now.UtcDateTime;
        return Result.Success();
    }

    /// <summary>An active agreement is completed once its last day is past.</summary>
    public Result Complete(DateTimeOffset now)
    {
        var next = AgreementWorkflow.Next(Status, AgreementAction.Complete);
        if (!next.IsSuccess)
        {
            return next.Error;
        }

        if (now.Today() <= EndDate)
        {
            return Error.RuleBroken("agreement.not_ended", $"La convention court jusqu'au {EndDate:dd/MM/yyyy}.");
        }

        Status = next.Value;
        CompletedAt = now.UtcDateTime;
        return Result.Success();
    }

    /// <summary>
    /// Terminates a signed or active agreement early, from <paramref name="effectiveOn"/>; the caller
    /// recalculates what is due and cancels the unpaid installments.
    /// </summary>
    public Result Terminate(string reason, DateOnly effectiveOn)
    {
        var next = AgreementWorkflow.Next(Status, AgreementAction.Terminate);
        if (!next.IsSuccess)
        {
            return next.Error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("Reason", "Indiquez le motif de la résiliation.");
        }

        if (effectiveOn > EndDate)
        {
            return Error.RuleBroken("agreement.termination_date_out_of_range", $"La résiliation prend effet au plus tard le dernier jour de la convention ({EndDate:dd/MM/yyyy}).");
        }

        Status = next.Value;
        TerminatedOn = effectiveOn;
        TerminationReason = reason.Trim();
        return Result.Success();
    }

    /// <summary>
    /// Records an amendment (avenant) of a signed or active agreement as a new numbered version of its terms:
    /// new amounts per funder (same funders and duration), a longer duration (at most five years in all,
    /// totals unchanged), a new yearly split (same totals), or a new lead member chosen among the members.
    /// Yearly amounts always add up to each funder's total exactly.
    /// </summary>
    public Result<AgreementVersion> Amend(AmendmentKind kind, AmendmentRequest request, DateOnly effectiveOn, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var next = AgreementWorkflow.Next(Status, AgreementAction.Amend);
        if (!next.IsSuccess)
        {
            return next.Error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("Reason", "Indiquez l'objet de l'avenant.");
        }

        var current = CurrentVersion;
        var funders = current.Funders;
        var duration = current.DurationYears;
        var lead = current.LeadOrganisationId;
        switch (kind)
        {
            case AmendmentKind.ChangeAmount:
            case AmendmentKind.ChangeYearlySplit:
                if (request.Funders is null)
                {
                    return Error.Validation("Funders", "Indiquez pour chaque financeur son montant et sa répartition annuelle.");
                }

                funders = request.Funders;
                break;
            case AmendmentKind.ExtendDuration:
                if (request.DurationYears is not { } longer || request.Funders is null)
                {
                    return Error.Validation("DurationYears", "Indiquez la nouvelle durée et la répartition annuelle de chaque financeur.");
                }

                if (DurationError(longer) is { } durationError)
                {
                    return durationError;
                }

                if (longer <= duration)
                {
                    return Error.RuleBroken("agreement.not_an_extension", $"La convention dure déjà {duration} an(s) : un avenant de prolongation l'allonge.");
                }

                duration = longer;
                funders = request.Funders;
                break;
            case AmendmentKind.ChangeLeadMember:
                if (request.LeadOrganisationId is not { } newLead || newLead == lead)
                {
                    return Error.Validation("LeadOrganisationId", "Désignez un nouveau chef de file.");
                }

                if (Members.All(m => m.OrganisationId != newLead))
                {
                    return Error.RuleBroken("agreement.lead_not_member", "Le nouveau chef de file est choisi parmi les membres du consortium.");
                }

                lead = newLead;
                break;
            default:
                return Error.Validation("Kind", "Un avenant modifie le montant, la durée, la répartition annuelle ou le chef de file.");
        }

        if (funders.Count != current.Funders.Count || funders.Any(f => current.Funders.All(c => c.FunderId != f.FunderId)))
        {
            return Error.RuleBroken("agreement.funders_changed", "Un avenant engage les mêmes financeurs que la convention.");
        }

        if (kind != AmendmentKind.ChangeAmount && funders.Any(f => current.Funders.Single(c => c.FunderId == f.FunderId).Total != f.Total))
        {
            return Error.RuleBroken("agreement.totals_changed", "Seul un avenant financier modifie le montant d'un financeur.");
        }

        if (CheckCommitments(funders, AgreementYear.Sequence(StartDate, duration, AnniversaryYears).Count) is { } invalid)
        {
            return invalid;
        }

        var version = new AgreementVersion(_versions.Count, kind, effectiveOn, reason.Trim(), Copy(funders), duration, lead, now.UtcDateTime);
        _versions.Add(version);
        LeadOrganisationId = lead;
        return version;
    }

    /// <summary>
    /// Records (or corrects) a funder's legal commitment reference (engagement juridique, e.g. the Chorus number) once
    /// the agreement is signed; payments of that funder are ordered only once it is recorded.
    /// </summary>
    public Result RecordLegalCommitment(FunderId funderId, string reference, Guid recordedBy, DateTimeOffset now)
    {
        if (Status == AgreementStatus.Draft)
        {
            return Error.RuleBroken("agreement.not_signed", "L'engagement juridique se prend sur une convention signée.");
        }

        if (Funders.All(f => f.FunderId != funderId))
        {
            return Error.RuleBroken("agreement.not_a_party", "Ce financeur n'est pas partie à la convention.");
        }

        var trimmed = reference?.Trim() ?? "";
        if (trimmed.Length is < 1 or > LegalCommitment.MaxLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '.'))
        {
            return Error.Validation("Reference", $"La référence de l'engagement juridique compte 1 à {LegalCommitment.MaxLength} lettres, chiffres, tirets, points ou barres obliques.");
        }

        _legalCommitments.RemoveAll(c => c.FunderId == funderId);
        _legalCommitments.Add(new LegalCommitment(funderId, trimmed, recordedBy, now.UtcDateTime));
        return Result.Success();
    }

    public LegalCommitment? LegalCommitmentOf(FunderId funderId) => _legalCommitments.FirstOrDefault(c => c.FunderId == funderId);

    private static Error? DurationError(int years) => years is < 1 or > CallRules.LongestAgreementYears
        ? Error.RuleBroken("agreement.duration_out_of_range", $"Une convention dure de 1 à {CallRules.LongestAgreementYears} ans.")
        : null;

    /// <summary>Every funder once, a positive total in cents, one amount in cents per agreement year, adding up to the total exactly.</summary>
    private static Error? CheckCommitments(IReadOnlyList<FunderCommitment> funders, int yearsCount)
    {
        if (funders.Count == 0 || funders.Select(f => f.FunderId).Distinct().Count() != funders.Count
            || funders.Any(f => f.Total <= 0 || !Money.IsInCents(f.Total)))
        {
            return Error.Validation("Funders", "Un montant positif en euros et centimes par financeur, une seule fois chacun.");
        }

        if (funders.Any(f => f.YearlyAmounts.Count != yearsCount || f.YearlyAmounts.Any(a => a < 0 || !Money.IsInCents(a)) || f.YearlyAmounts.Sum() != f.Total))
        {
            return Error.RuleBroken(
                "agreement.yearly_amounts_mismatch",
                $"Chaque financeur répartit son montant sur les {yearsCount} années de la convention, en euros et centimes, pour un total égal à son montant.");
        }

        return null;
    }

    private static List<FunderCommitment> Copy(IReadOnlyList<FunderCommitment> funders) =>
        [.. funders.Select(f => new FunderCommitment(f.FunderId, f.Total, [.. f.YearlyAmounts]))];

    private static DateOnly DueAfter(DateOnly end, int months) => end.AddDays(1).AddMonths(months).AddDays(-1);

    private Error? SignableError() => Status == AgreementStatus.Draft
        ? null
        : Error.RuleBroken("agreement.not_draft", $"La convention est déjà {AgreementWorkflow.StatusLabel(Status).ToLowerInvariant()} : les signatures sont closes.");

    private Error SignatureMissing()
    {
        var missing = MissingSignatures.Count(m => m.Kind == SignatoryKind.Funder);
        var lead = MissingSignatures.Any(m => m.Kind == SignatoryKind.LeadMember);
        var who = (missing, lead) switch
        {
            (0, _) => "le chef de file",
            (_, false) => $"{missing} financeur(s)",
            _ => $"{missing} financeur(s) et le chef de file",
        };
        return Error.RuleBroken("agreement.signature_missing", $"La convention n'est pas encore signée : il manque la signature de {who}.");
    }

    private Result CompleteSignatures(DateTimeOffset now)
    {
        if (MissingSignatures.Count > 0)
        {
            return Result.Success();
        }

        Status = AgreementWorkflow.Next(Status, AgreementAction.Sign).Value;
        SignedAt = now.UtcDateTime;
        if (now.Today() >= StartDate)
        {
            Status = AgreementWorkflow.Next(Status, AgreementAction.Activate).Value;
            ActivatedAt = now.UtcDateTime;
        }

        Raise(new AgreementSigned(this, now));
        return Result.Success();
    }
}

/// <summary>The last party signed: the agreement is signed (active at once when it has started).</summary>
public sealed record AgreementSigned(Agreement Agreement, DateTimeOffset At) : IDomainEvent;
