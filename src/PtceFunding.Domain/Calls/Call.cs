namespace PtceFunding.Domain.Calls;

/// <summary>Identifies a <see cref="Call"/>.</summary>
public readonly record struct CallId(Guid Value)
{
    public static CallId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>How applications arrive: at any time, batched into committee sessions (AMI permanent), or within dates.</summary>
public enum CallMode
{
    Continuous = 0,
    FixedWindow = 1,
}

/// <summary>Where a call stands: prepared, open to applications, closed, archived.</summary>
public enum CallStatus
{
    Draft = 0,
    Published = 1,
    Closed = 2,
    Archived = 3,
}

/// <summary>A funder of a call and its budget envelope (enveloppe) for the call, in euros.</summary>
public sealed record CallFunder(FunderId FunderId, decimal Envelope);

/// <summary>
/// A call for applications (appel à projets / AMI): its funders and envelopes, categories, stages,
/// dates and versioned rules. Draft → published → closed → archived.
/// </summary>
public sealed class Call : AggregateRoot
{
    private readonly List<CallRuleVersion> _ruleVersions = [];

    private Call()
    {
    }

    public CallId Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public CallMode Mode { get; private set; }

    public CallStatus Status { get; private set; }

    /// <summary>First day applications are accepted (local date in <see cref="TimeZoneId"/>).</summary>
    public DateOnly OpensOn { get; private set; }

    /// <summary>Last day applications are accepted, for a fixed-window call; null for a continuous call.</summary>
    public DateOnly? ClosesOn { get; private set; }

    /// <summary>The time zone in which the call's dates and its sessions' cut-offs are calendar days.</summary>
    public string TimeZoneId { get; private set; } = FrenchRegion.MetropolitanTimeZone;

    /// <summary>Stage 1 selects laureates who receive support; stage 2 selects funded projects among them.</summary>
    public bool IsTwoStage { get; private set; }

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public IReadOnlyList<CallFunder> Funders { get; private set; } = [];

    public int CurrentRulesVersion { get; private set; }

    public IReadOnlyList<CallRuleVersion> RuleVersions => _ruleVersions;

    public CallRules CurrentRules => RulesOfVersion(CurrentRulesVersion);

    public DateTime CreatedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>When reminders are sent about the deadlines of this call's applications, reviews, reports and payments.</summary>
    public ReminderPolicy ReminderPolicy { get; private set; } = ReminderPolicy.Default;

    /// <summary>How this call's agreements are laid out (years, advance, reports' due dates).</summary>
    public CallAgreementTerms AgreementTerms { get; private set; } = CallAgreementTerms.Default;

    public CallRules RulesOfVersion(int number) =>
        _ruleVersions.SingleOrDefault(v => v.Number == number)?.Rules
        ?? throw new InvalidOperationException($"Call {Id} has no rules version {number}.");

    public static Result<Call> Draft(CallId id, ProgrammeId programmeId, CallDetails details, CallRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(rules);
        var checkedDetails = details.Check();
        if (!checkedDetails.IsSuccess)
        {
            return checkedDetails.Error;
        }

        var checkedRules = rules.Check();
        if (!checkedRules.IsSuccess)
        {
            return checkedRules.Error;
        }

        var call = new Call
        {
            Id = id,
            ProgrammeId = programmeId,
            Status = CallStatus.Draft,
            CreatedAt = now.UtcDateTime,
            CurrentRulesVersion = 1,
        };
        call.Apply(details);
        call._ruleVersions.Add(new CallRuleVersion(id, 1, rules, now));
        return call;
    }

    /// <summary>Sets when reminders are sent about this call's deadlines (from the next sweep on).</summary>
    public Result ChangeReminderPolicy(ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var check = policy.Check();
        if (!check.IsSuccess)
        {
            return check;
        }

        ReminderPolicy = policy with { Offsets = [.. policy.Offsets.Order()] };
        return Result.Success();
    }

    /// <summary>Sets how the agreements of this call are laid out; agreements already drafted keep theirs.</summary>
    public Result ChangeAgreementTerms(CallAgreementTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var check = terms.Check();
        if (!check.IsSuccess)
        {
            return check;
        }

        AgreementTerms = terms;
        return Result.Success();
    }

    /// <summary>Title, dates, categories, funders and envelopes; not versioned (they are not rules an application is judged by).</summary>
    public Result ChangeDetails(CallDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status is CallStatus.Closed or CallStatus.Archived)
        {
            return Error.RuleBroken("call.closed", "Un appel clôturé ne se modifie plus.");
        }

        if (Status == CallStatus.Published && details.Mode != Mode)
        {
            return Error.RuleBroken("call.mode_fixed", "Le mode d'un appel publié ne change plus.");
        }

        if (Status == CallStatus.Published && (details.Funders.Count == 0 || details.Categories.Count == 0))
        {
            return Error.RuleBroken("call.incomplete", "Un appel publié a au moins un financeur et une catégorie.");
        }

        var checkedDetails = details.Check();
        if (!checkedDetails.IsSuccess)
        {
            return checkedDetails;
        }

        Apply(details);
        return Result.Success();
    }

    /// <summary>
    /// A draft's rules are simply replaced; a published call's rules get a new version, and the
    /// applications already filed keep the version they were filed under.
    /// </summary>
    public Result ChangeRules(CallRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (Status is CallStatus.Closed or CallStatus.Archived)
        {
            return Error.RuleBroken("call.closed", "Un appel clôturé ne se modifie plus.");
        }

        var checkedRules = rules.Check();
        if (!checkedRules.IsSuccess)
        {
            return checkedRules;
        }

        if (Status == CallStatus.Draft)
        {
            var draft = _ruleVersions.Single(v => v.Number == CurrentRulesVersion);
            draft.Rules = rules;
            draft.CreatedAt = now.UtcDateTime;
            return Result.Success();
        }

        CurrentRulesVersion++;
        _ruleVersions.Add(new CallRuleVersion(Id, CurrentRulesVersion, rules, now));
        return Result.Success();
    }

    public Result Publish(DateTimeOffset now)
    {
        if (Status != CallStatus.Draft)
        {
            return Error.RuleBroken("call.not_draft", "Seul un appel en préparation peut être publié.");
        }

        if (Funders.Count == 0 || Categories.Count == 0)
        {
            return Error.RuleBroken("call.incomplete", "Un appel publié a au moins un financeur et une catégorie.");
        }

        Status = CallStatus.Published;
        PublishedAt = now.UtcDateTime;
        return Result.Success();
    }

    public Result Close(DateTimeOffset now)
    {
        if (Status != CallStatus.Published)
        {
            return Error.RuleBroken("call.not_published", "Seul un appel publié peut être clôturé.");
        }

        Status = CallStatus.Closed;
        ClosedAt = now.UtcDateTime;
        return Result.Success();
    }

    public Result Archive()
    {
        if (Status != CallStatus.Closed)
        {
            return Error.RuleBroken("call.not_closed", "Seul un appel clôturé peut être archivé.");
        }

        Status = CallStatus.Archived;
        return Result.Success();
    }

    /// <summary>Published, opened, and (for a fixed window) its closing day not yet over in the call's time zone.</summary>
    public bool AcceptsApplicationsAt(DateTimeOffset now) =>
        Status == CallStatus.Published
        && now.Today(TimeZoneId) >= OpensOn
        && (ClosesOn is not { } closesOn || !new Deadline(closesOn, TimeZoneId).IsOverdueAt(now));

    public bool IsFundedBy(FunderId funderId) => Funders.Any(f => f.FunderId == funderId);

    private void Apply(CallDetails details)
    {
        Title = details.Title.Trim();
        Description = details.Description.Trim();
        Mode = details.Mode;
        OpensOn = details.OpensOn;
        ClosesOn = details.Mode == CallMode.FixedWindow ? details.ClosesOn : null;
        TimeZoneId = details.TimeZoneId;
        IsTwoStage = details.IsTwoStage;
        Categories = [.. details.Categories.Select(c => c.Trim())];
        Funders = [.. details.Funders];
    }
}

/// <summary>The descriptive part of a call, as an administrator edits it.</summary>
public sealed record CallDetails(
    string Title,
    string Description,
    CallMode Mode,
    DateOnly OpensOn,
    DateOnly? ClosesOn,
    string TimeZoneId,
    bool IsTwoStage,
    IReadOnlyList<string> Categories,
    IReadOnlyList<CallFunder> Funders)
{
    public Result Check()
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Title))
        {
            problems["Title"] = ["Le titre de l'appel est obligatoire."];
        }

        if (Mode == CallMode.FixedWindow && (ClosesOn is not { } closesOn || closesOn < OpensOn))
        {
            problems["ClosesOn"] = ["Un appel à fenêtre fixe a une date de clôture postérieure à son ouverture."];
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            problems["TimeZoneId"] = [$"Le fuseau horaire « {TimeZoneId} » est inconnu."];
        }

        if (Categories.Any(string.IsNullOrWhiteSpace) || Categories.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Categories.Count)
        {
            problems["Categories"] = ["Les catégories ont chacune un nom, sans doublon."];
        }

        if (Funders.Select(f => f.FunderId).Distinct().Count() != Funders.Count)
        {
            problems["Funders"] = ["Un financeur n'apparaît qu'une fois dans un appel."];
        }
        else if (Funders.Any(f => f.Envelope < 0 || decimal.Round(f.Envelope, 2) != f.Envelope))
        {
            problems["Funders"] = ["Chaque enveloppe est un montant positif en euros et centimes."];
        }

        return problems.Count == 0 ? Result.Success() : Error.Validation(problems);
    }
}
