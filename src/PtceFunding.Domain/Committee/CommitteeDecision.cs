namespace PtceFunding.Domain.Committee;

/// <summary>Identifies a <see cref="CommitteeDecision"/>.</summary>
public readonly record struct CommitteeDecisionId(Guid Value)
{
    public static CommitteeDecisionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What the committee decides about an application: retenu, refusé or ajourné.</summary>
public enum DecisionOutcome
{
    Accepted = 0,
    Rejected = 1,
    Deferred = 2,
}

/// <summary>What a committee member enters for one application; which fields count depends on the outcome.</summary>
public sealed record DecisionInput(
    DecisionOutcome Outcome,
    IReadOnlyList<RequestedAmount> Amounts,
    int? DurationYears,
    string? Conditions,
    string? PublicReasons,
    string Rationale);

/// <summary>
/// A decision of a committee session about one application (décision du comité). Final: a correction
/// is a new decision that supersedes the current one, which is kept and only marked superseded.
/// </summary>
public sealed class CommitteeDecision
{
    private CommitteeDecision()
    {
    }

    public CommitteeDecisionId Id { get; private set; }

    public FundingApplicationId ApplicationId { get; private set; }

    public CommitteeSessionId SessionId { get; private set; }

    public DecisionOutcome Outcome { get; private set; }

    /// <summary>The amount granted by each funder of the call (accepted only).</summary>
    public IReadOnlyList<RequestedAmount> Amounts { get; private set; } = [];

    public int? DurationYears { get; private set; }

    public string? Conditions { get; private set; }

    /// <summary>The reasons the consortium reads (required for a rejection).</summary>
    public string? PublicReasons { get; private set; }

    /// <summary>The vote or the rationale of the committee; never shown to the consortium.</summary>
    public string Rationale { get; private set; } = "";

    public Guid RecordedBy { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>The decision this one corrects.</summary>
    public CommitteeDecisionId? SupersedesId { get; private set; }

    public DateTime? SupersededAt { get; private set; }

    public Guid? SupersededBy { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    public decimal TotalAmount => Amounts.Sum(a => a.Amount);

    /// <summary>
    /// Records a decision of the open <paramref name="session"/> on <paramref name="application"/> and
    /// moves the application accordingly (its state table decides what is allowed). When
    /// <paramref name="current"/> is the session's current decision on it, the new one supersedes it.
    /// A deferral sends the application to <paramref name="nextSession"/> (or leaves it waiting for one).
    /// </summary>
    public static Result<CommitteeDecision> Record(
        CommitteeSession session,
        Call call,
        FundingApplication application,
        DecisionInput input,
        CommitteeDecision? current,
        CommitteeSession? nextSession,
        Guid recordedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(input);
        if (session.Status != SessionStatus.Open)
        {
            return SessionNotOpen(session.Status);
        }

        if (current is not null && (current.SessionId != session.Id || current.ApplicationId != application.Id || !current.IsCurrent))
        {
            throw new ArgumentException("Only the session's current decision on this application can be superseded.", nameof(current));
        }

        var invalid = Check(call, input);
        if (invalid is not null)
        {
            return invalid;
        }

        var decision = new CommitteeDecision
        {
            Id = CommitteeDecisionId.New(),
            ApplicationId = application.Id,
            SessionId = session.Id,
            Outcome = input.Outcome,
            Amounts = input.Outcome == DecisionOutcome.Accepted ? [.. input.Amounts] : [],
            DurationYears = input.Outcome == DecisionOutcome.Accepted ? input.DurationYears : null,
            Conditions = input.Outcome == DecisionOutcome.Accepted ? Clean(input.Conditions) : null,
            PublicReasons = Clean(input.PublicReasons),
            Rationale = input.Rationale.Trim(),
            RecordedBy = recordedBy,
            RecordedAt = now.UtcDateTime,
            SupersedesId = current?.Id,
        };

        var applied = application.ApplyDecision(
            decision.Action, session.Id, nextSession?.Id, recordedBy, decision.Summary(session, nextSession), now, current?.Outcome == DecisionOutcome.Deferred);
        if (!applied.IsSuccess)
        {
            return applied.Error;
        }

        current?.MarkSuperseded(recordedBy, now);
        return decision;
    }

    /// <summary>The error for a decision recorded outside the meeting: before it opens, or once it is closed.</summary>
    public static Error SessionNotOpen(SessionStatus status) => status == SessionStatus.Closed
        ? Error.RuleBroken("session.closed", "La session est close : ses décisions ne se modifient plus.")
        : Error.RuleBroken("session.not_open", "Les décisions s'enregistrent pendant la session, une fois celle-ci ouverte.");

    private ApplicationAction Action => Outcome switch
    {
        DecisionOutcome.Accepted => ApplicationAction.Accept,
        DecisionOutcome.Rejected => ApplicationAction.Reject,
        _ => ApplicationAction.Defer,
    };

    private void MarkSuperseded(Guid by, DateTimeOffset now)
    {
        SupersededAt = now.UtcDateTime;
        SupersededBy = by;
    }

    private string Summary(CommitteeSession session, CommitteeSession? nextSession)
    {
        var corrected = SupersedesId is null ? "" : " (décision corrigée)";
        return Outcome switch
        {
            DecisionOutcome.Accepted => $"Dossier retenu par la session « {session.Name} »{corrected} : {Money.Format(TotalAmount)} sur {DurationYears} an(s).",
            DecisionOutcome.Rejected => $"Dossier refusé par la session « {session.Name} »{corrected}.",
            _ => nextSession is null
                ? $"Dossier ajourné par la session « {session.Name} »{corrected} : en attente de la prochaine session."
                : $"Dossier ajourné par la session « {session.Name} »{corrected} : reporté à la session « {nextSession.Name} ».",
        };
    }

    private static Error? Check(Call call, DecisionInput input)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Rationale))
        {
            problems["Rationale"] = ["Indiquez le vote ou la motivation de la décision."];
        }

        switch (input.Outcome)
        {
            case DecisionOutcome.Accepted:
                if (input.Amounts.Count == 0
                    || input.Amounts.Any(a => a.Amount <= 0 || !Money.IsInCents(a.Amount) || !call.IsFundedBy(a.FunderId))
                    || input.Amounts.Select(a => a.FunderId).Distinct().Count() != input.Amounts.Count)
                {
                    problems["Amounts"] = ["Un montant positif en euros et centimes par financeur de l'appel qui finance le projet, une seule fois chacun."];
                }

                if (input.DurationYears is not (>= 1 and <= CallRules.LongestAgreementYears))
                {
                    problems["DurationYears"] = [$"La durée du financement est comprise entre 1 et {CallRules.LongestAgreementYears} ans."];
                }

                break;
            case DecisionOutcome.Rejected when string.IsNullOrWhiteSpace(input.PublicReasons):
                problems["PublicReasons"] = ["Indiquez les motifs du refus : ils sont communiqués au consortium."];
                break;
            case DecisionOutcome.Rejected or DecisionOutcome.Deferred:
                break;
            default:
                problems["Outcome"] = ["Le comité retient, refuse ou ajourne un dossier."];
                break;
        }

        return problems.Count == 0 ? null : Error.Validation(problems);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
