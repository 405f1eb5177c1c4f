namespace PtceFunding.Domain.Reminders;

/// <summary>What a reminder is about: each kind has its deadline, its recipients and its templates.</summary>
public enum ReminderKind
{
    /// <summary>A report (compte rendu) pending or returned, due on its due date.</summary>
    Report = 0,

    /// <summary>A draft application, before the cut-off of the session it would join.</summary>
    Draft = 1,

    /// <summary>A reviewer's opinion not yet given.</summary>
    Review = 2,

    /// <summary>Corrections requested on an application, due on their due date.</summary>
    Corrections = 3,

    /// <summary>An installment due (payable) but not yet ordered by finance staff.</summary>
    Payment = 4,
}

/// <summary>
/// When reminders (relances) are sent about a deadline, per call: days relative to the deadline (negative before,
/// 0 on the day, positive after), from which offset the reminder escalates to the responsible officer, and how many
/// days a reviewer has to give an opinion (the deadline of a review, counted from the assignment).
/// </summary>
public sealed record ReminderPolicy(IReadOnlyList<int> Offsets, int? EscalationOffset, int ReviewDueAfterDays)
{
    /// <summary>30 and 7 days before, on the day, 15 days after (escalated to the officer); opinions due 21 days after assignment.</summary>
    public static ReminderPolicy Default { get; } = new([-30, -7, 0, 15], 15, 21);

    /// <summary>The default policy as stored (JSON column default of existing calls): keep in step with <see cref="Default"/>.</summary>
    public const string DefaultJson = """{"Offsets":[-30,-7,0,15],"EscalationOffset":15,"ReviewDueAfterDays":21}""";

    public Result Check()
    {
        if (Offsets is null || Offsets.Count == 0 || Offsets.Count > 10)
        {
            return Error.Validation("Offsets", "Indiquez entre une et dix relances.");
        }

        if (Offsets.Any(o => o is < -365 or > 365) || Offsets.Distinct().Count() != Offsets.Count)
        {
            return Error.Validation("Offsets", "Chaque relance est à un nombre de jours différent de l'échéance, à un an au plus.");
        }

        if (EscalationOffset is { } escalation && !Offsets.Contains(escalation))
        {
            return Error.Validation("EscalationOffset", "L'escalade au chargé de mission se fait à l'une des relances.");
        }

        return ReviewDueAfterDays is < 1 or > 365
            ? Error.Validation("ReviewDueAfterDays", "Le délai de remise d'un avis d'expert est compris entre 1 et 365 jours.")
            : Result.Success();
    }

    /// <summary>
    /// The step due on <paramref name="today"/> for a deadline on <paramref name="deadline"/>: the latest offset whose day
    /// has come (deadline + offset ≤ today), among those <paramref name="applies"/> to the kind. Only the latest: a sweep
    /// that missed days sends that step once and never the stale earlier ones. Null when no step has come yet.
    /// </summary>
    public int? StepDue(DateOnly deadline, DateOnly today, Func<int, bool>? applies = null)
    {
        int? due = null;
        foreach (var offset in Offsets)
        {
            if ((applies is null || applies(offset)) && deadline.AddDays(offset) <= today && (due is null || offset > due))
            {
                due = offset;
            }
        }

        return due;
    }

    /// <summary>Whether the step at <paramref name="offset"/> also goes to the responsible officer.</summary>
    public bool Escalates(int offset) => EscalationOffset is { } escalation && offset >= escalation;

    /// <summary>The earliest offset (most days before the deadline): obligations due later than today minus it are not due for anything yet.</summary>
    public int Earliest => Offsets.Min();

    /// <summary>The step's label in deduplication keys and calendars: J-30, J0, J+15, with the deadline it counts from.</summary>
    public static string StepLabel(DateOnly deadline, int offset) =>
        FormattableString.Invariant($"J{(offset > 0 ? "+" : "")}{offset}@{deadline:yyyy-MM-dd}");
}
