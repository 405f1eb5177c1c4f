namespace PtceFunding.Domain.Reporting;

/// <summary>Identifies a <see cref="Report"/>.</summary>
public readonly record struct ReportId(Guid Value)
{
    public static ReportId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What is stored of a report's lifecycle; <see cref="ReportStatus"/> adds what the clock says.</summary>
public enum ReportState
{
    /// <summary>Not yet submitted (upcoming or open, maybe overdue).</summary>
    Pending = 0,
    Submitted = 1,

    /// <summary>Sent back for changes, with comments and a new due date; filing is open again.</summary>
    Returned = 2,
    Approved = 3,
    Rejected = 4,

    /// <summary>No longer owed: its period falls after the agreement's early termination.</summary>
    Waived = 5,
}

/// <summary>A report's status as read on a given day. Upcoming, open and overdue are never stored.</summary>
public enum ReportStatus
{
    Upcoming = 0,
    Open = 1,
    Overdue = 2,
    Submitted = 3,
    Returned = 4,
    Approved = 5,
    Rejected = 6,
    Waived = 7,
}

/// <summary>An indicator to report on: baseline and target for the period (from the agreement's objectives).</summary>
public sealed record ReportIndicator(string Code, decimal Baseline, decimal? Target);

/// <summary>The value reported for an indicator over the report's period.</summary>
public sealed record IndicatorValue(string Code, decimal Value);

/// <summary>One review step: returned with comments and a new due date, approved, or rejected with a reason.</summary>
public sealed record ReportReview(ReportState Outcome, string? Comments, DateOnly? NewDueOn, Guid ReviewedBy, DateTime ReviewedAt);

/// <summary>
/// A report owed under an agreement (compte rendu): for an agreement year an activity report (indicator values) or a
/// financial report (compte rendu financier, with the approved accounts), or the final report at the end. Filing
/// opens the day after its period ends and is due on <see cref="DueOn"/>; the consortium fills the indicators and
/// attaches the required documents, then submits (all failures at once); the officer returns it for changes (with
/// comments and a new due date), approves or rejects it. An overdue report holds the agreement's payments; the
/// approval of a year's reports releases that year's balance (see <see cref="ReportingRules"/>).
/// </summary>
public sealed class Report : AggregateRoot
{
    /// <summary>Attachment types: the approved accounts (financial report), the activity report document (final report).</summary>
    public const string ApprovedAccounts = "comptes-approuves";

    public const string FinalReportDocument = "bilan-final";

    private readonly List<ReportReview> _reviews = [];
    private readonly List<ReportAttachment> _attachments = [];

    private Report()
    {
    }

    public ReportId Id { get; private set; }

    public AgreementId AgreementId { get; private set; }

    public ReportKind Kind { get; private set; }

    /// <summary>The agreement year reported on; null for the final report.</summary>
    public int? YearNumber { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    /// <summary>The day filing opens: the day after the period ends.</summary>
    public DateOnly OpensOn => PeriodEnd.AddDays(1);

    /// <summary>The current due date (a return sets a new one).</summary>
    public DateOnly DueOn { get; private set; }

    public DateOnly OriginalDueOn { get; private set; }

    public ReportState State { get; private set; }

    public IReadOnlyList<ReportIndicator> Indicators { get; private set; } = [];

    public IReadOnlyList<string> RequiredAttachments { get; private set; } = [];

    public IReadOnlyList<IndicatorValue> Values { get; private set; } = [];

    public IReadOnlyList<ReportAttachment> Attachments => _attachments;

    public IReadOnlyList<ReportReview> Reviews => _reviews;

    public DateTime? SubmittedAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    /// <summary>Filing is allowed: pending or returned, and the period is over.</summary>
    public bool IsFileableOn(DateOnly today) => State is ReportState.Pending or ReportState.Returned && today >= OpensOn;

    /// <summary>
    /// Past its due date and not submitted (a returned report is overdue after its new due date): the one rule of the
    /// report status, the payment holds, the reminders and the calendar.
    /// </summary>
    public static DayRule<Report> Overdue { get; } = new((r, today) => (r.State == ReportState.Pending || r.State == ReportState.Returned) && r.DueOn < today);

    public bool IsOverdueOn(DateOnly today) => Overdue.IsSatisfiedBy(this, today);

    /// <summary>The reports an agreement owes under its current terms, with the indicators of each period.</summary>
    public static IReadOnlyList<Report> For(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return [.. agreement.ReportingObligations.Select(obligation => Owed(agreement, obligation))];
    }

    /// <summary>One report for <paramref name="obligation"/> of <paramref name="agreement"/>.</summary>
    public static Report Owed(Agreement agreement, ReportingObligation obligation)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(obligation);
        return new Report
        {
            Id = ReportId.New(),
            AgreementId = agreement.Id,
            Kind = obligation.Kind,
            YearNumber = obligation.YearNumber,
            PeriodStart = obligation.PeriodStart,
            PeriodEnd = obligation.PeriodEnd,
            DueOn = obligation.DueOn,
            OriginalDueOn = obligation.DueOn,
            State = ReportState.Pending,
            Indicators = obligation.Kind == ReportKind.Financial
                ? []
                : [.. agreement.Objectives.Select(o => new ReportIndicator(o.IndicatorCode, o.Baseline, TargetOf(o, obligation.YearNumber)))],
            RequiredAttachments = obligation.Kind switch
            {
                ReportKind.Financial => [ApprovedAccounts],
                ReportKind.Final => [FinalReportDocument],
                _ => [],
            },
        };
    }

    public ReportStatus StatusOn(DateOnly today) => State switch
    {
        ReportState.Submitted => ReportStatus.Submitted,
        ReportState.Approved => ReportStatus.Approved,
        ReportState.Rejected => ReportStatus.Rejected,
        ReportState.Waived => ReportStatus.Waived,
        _ when IsOverdueOn(today) => ReportStatus.Overdue,
        ReportState.Returned => ReportStatus.Returned,
        _ when today < OpensOn => ReportStatus.Upcoming,
        _ => ReportStatus.Open,
    };

    /// <summary>Saves indicator values (a draft: they may be incomplete until submission); unknown codes are refused.</summary>
    public Result FillIndicators(IReadOnlyList<IndicatorValue> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!IsFileableOn(today))
        {
            return NotFileable(today);
        }

        if (values.FirstOrDefault(v => Indicators.All(i => i.Code != v.Code)) is { } unknown)
        {
            return Error.Validation("Values", $"L'indicateur « {unknown.Code} » ne fait pas partie de ce compte rendu.");
        }

        if (values.GroupBy(v => v.Code).Any(g => g.Count() > 1))
        {
            return Error.Validation("Values", "Une seule valeur par indicateur.");
        }

        Values = [.. values];
        return Result.Success();
    }

    /// <summary>Attaches a document of a required type (replacing an earlier one of that type, returned so its file can be deleted).</summary>
    public Result<ReportAttachment?> Attach(ReportAttachment attachment, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (AttachmentError(attachment.Type, today) is { } error)
        {
            return error;
        }

        var replaced = _attachments.FirstOrDefault(a => a.Type == attachment.Type);
        if (replaced is not null)
        {
            _attachments.Remove(replaced);
        }

        _attachments.Add(attachment);
        return replaced;
    }

    /// <summary>Why a document of <paramref name="type"/> cannot be attached today, if it cannot (checked before the file is even read).</summary>
    public Error? AttachmentError(string type, DateOnly today) =>
        !IsFileableOn(today) ? NotFileable(today)
        : !RequiredAttachments.Contains(type) ? Error.Validation("Type", "Ce type de pièce n'est pas demandé pour ce compte rendu.")
        : null;

    /// <summary>What is still missing for a submission, every failure at once.</summary>
    public IReadOnlyList<Error> SubmissionFailures() =>
    [
        .. Indicators.Where(i => Values.All(v => v.Code != i.Code))
            .Select(i => Error.RuleBroken("report.indicator_missing", $"L'indicateur « {i.Code} » n'est pas renseigné.")),
        .. RequiredAttachments.Where(t => _attachments.All(a => a.Type != t))
            .Select(t => Error.RuleBroken("report.attachment_missing", $"La pièce « {AttachmentLabel(t)} » manque.")),
    ];

    public Result Submit(Guid userId, DateTimeOffset now)
    {
        var today = now.Today();
        if (!IsFileableOn(today))
        {
            return NotFileable(today);
        }

        var failures = SubmissionFailures();
        if (failures.Count > 0)
        {
            return Error.RulesBroken("report.incomplete", $"Le compte rendu ne peut pas être déposé : {failures.Count} point(s) à compléter.", failures);
        }

        State = ReportState.Submitted;
        SubmittedAt = now.UtcDateTime;
        SubmittedBy = userId;
        Raise(new ReportSubmitted(this, now));
        return Result.Success();
    }

    /// <summary>Sends a submitted report back for changes, with comments and a new due date after today.</summary>
    public Result Return(string comments, DateOnly newDueOn, Guid officerId, DateTimeOffset now)
    {
        if (ReviewableError() is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(comments))
        {
            return Error.Validation("Comments", "Dites ce qui doit être modifié.");
        }

        if (newDueOn <= now.Today())
        {
            return Error.Validation("NewDueOn", "La nouvelle échéance doit être postérieure à aujourd'hui.");
        }

        State = ReportState.Returned;
        DueOn = newDueOn;
        _reviews.Add(new ReportReview(ReportState.Returned, comments.Trim(), newDueOn, officerId, now.UtcDateTime));
        Raise(new ReportReturned(this, now));
        return Result.Success();
    }

    public Result Approve(Guid officerId, DateTimeOffset now)
    {
        if (ReviewableError() is { } error)
        {
            return error;
        }

        State = ReportState.Approved;
        _reviews.Add(new ReportReview(ReportState.Approved, null, null, officerId, now.UtcDateTime));
        return Result.Success();
    }

    public Result Reject(string reason, Guid officerId, DateTimeOffset now)
    {
        if (ReviewableError() is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("Reason", "Indiquez le motif du rejet.");
        }

        State = ReportState.Rejected;
        _reviews.Add(new ReportReview(ReportState.Rejected, reason.Trim(), null, officerId, now.UtcDateTime));
        Raise(new ReportRejected(this, now));
        return Result.Success();
    }

    /// <summary>
    /// Follows a change of the agreement's terms (an extension, an early termination) while not yet submitted: the
    /// period and the due date of <paramref name="obligation"/>; a returned report keeps the due date its officer set.
    /// Returns whether anything changed.
    /// </summary>
    public bool Realign(ReportingObligation obligation)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        if (State is not (ReportState.Pending or ReportState.Returned)
            || (PeriodStart == obligation.PeriodStart && PeriodEnd == obligation.PeriodEnd && OriginalDueOn == obligation.DueOn))
        {
            return false;
        }

        PeriodStart = obligation.PeriodStart;
        PeriodEnd = obligation.PeriodEnd;
        if (State == ReportState.Pending)
        {
            DueOn = obligation.DueOn;
        }

        OriginalDueOn = obligation.DueOn;
        return true;
    }

    /// <summary>Releases the consortium from a report not yet submitted whose period the agreement no longer covers (early termination).</summary>
    public Result Waive(string reason, Guid by, DateTimeOffset now)
    {
        if (State is not (ReportState.Pending or ReportState.Returned))
        {
            return Error.RuleBroken("report.not_waivable", "Un compte rendu déjà déposé ou examiné reste dû.");
        }

        State = ReportState.Waived;
        _reviews.Add(new ReportReview(ReportState.Waived, reason, null, by, now.UtcDateTime));
        return Result.Success();
    }

    public static string KindLabel(ReportKind kind) => kind switch
    {
        ReportKind.Activity => "Compte rendu d'activité",
        ReportKind.Financial => "Compte rendu financier",
        ReportKind.Final => "Bilan final",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string AttachmentLabel(string type) => type switch
    {
        ApprovedAccounts => "comptes approuvés",
        FinalReportDocument => "bilan final",
        _ => type,
    };

    private static decimal? TargetOf(AgreementObjective objective, int? year)
    {
        var targets = objective.YearlyTargets;
        if (targets.Count == 0)
        {
            return null;
        }

        return year is { } n ? targets[Math.Min(n, targets.Count) - 1] : targets[^1];
    }

    private Error NotFileable(DateOnly today) => State switch
    {
        ReportState.Pending or ReportState.Returned when today < OpensOn =>
            Error.RuleBroken("report.not_open", $"Ce compte rendu se dépose à partir du {OpensOn:dd/MM/yyyy}."),
        _ => Error.RuleBroken("report.not_fileable", "Ce compte rendu est déjà déposé ou examiné."),
    };

    private Error? ReviewableError() => State == ReportState.Submitted
        ? null
        : Error.RuleBroken("report.not_submitted", "Seul un compte rendu déposé peut être examiné.");
}

/// <summary>A document attached to a report, stored like application documents (file store key, SHA-256).</summary>
public sealed record ReportAttachment(Guid Id, string Type, string FileName, string ContentType, long Size, string Sha256, string StorageKey, Guid UploadedBy, DateTime UploadedAt);

/// <summary>The lead member filed the report: the funders' officers review it.</summary>
public sealed record ReportSubmitted(Report Report, DateTimeOffset At) : IDomainEvent;

/// <summary>An officer sent the report back for more, with comments and a new due date.</summary>
public sealed record ReportReturned(Report Report, DateTimeOffset At) : IDomainEvent;

/// <summary>An officer rejected the report, with a reason (the year's unpaid funding is cancelled).</summary>
public sealed record ReportRejected(Report Report, DateTimeOffset At) : IDomainEvent;
