namespace PtceFunding.Domain.Payments;

/// <summary>Identifies an <see cref="Installment"/>.</summary>
public readonly record struct InstallmentId(Guid Value)
{
    public static InstallmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What must happen, beyond its date, before an installment may be paid.</summary>
public enum ReleaseCondition
{
    /// <summary>Nothing: payable from its date (advances).</summary>
    None = 0,

    /// <summary>The reports of its agreement year are approved (a year's balance).</summary>
    YearReportsApproved = 1,

    /// <summary>The final report is approved (the closing balance of an agreement terminated early).</summary>
    FinalReportApproved = 2,
}

/// <summary>What is stored of an installment's lifecycle; <see cref="InstallmentStatus"/> adds what the clock and the conditions say.</summary>
public enum InstallmentState
{
    Planned = 0,
    Ordered = 1,
    Paid = 2,
    Cancelled = 3,
}

/// <summary>
/// An installment's status as read on a given day: <see cref="Scheduled"/> before its date, then <see cref="Due"/> or
/// <see cref="Blocked"/> (its condition not met, or the agreement's payments held), then <see cref="Ordered"/>
/// (payment request sent), <see cref="Paid"/> or <see cref="Cancelled"/>. Due and blocked are never stored.
/// </summary>
public enum InstallmentStatus
{
    Scheduled = 0,
    Due = 1,
    Blocked = 2,
    Ordered = 3,
    Paid = 4,
    Cancelled = 5,
}

/// <summary>One payment actually made on an installment, recorded once per idempotency key.</summary>
public sealed record Payment(Guid Id, InstallmentId InstallmentId, string IdempotencyKey, decimal Amount, DateOnly PaidOn, string BankReference, Guid RecordedBy, DateTime RecordedAt);

/// <summary>
/// One installment of a funder's share of an agreement: an advance or a balance of one agreement year, for an
/// amount exact to the cent. It is planned from <see cref="DueFrom"/> and, for a balance, once released by the
/// approval of its reports (<see cref="Release"/>); finance staff order it (payment request with its reference, to
/// the approved bank details) and record the payments made, each once per idempotency key and never more than
/// what remains due. Amendments and early termination cancel what is not yet ordered.
/// </summary>
public sealed class Installment : AggregateRoot
{
    private readonly List<Payment> _payments = [];

    private Installment()
    {
    }

    public InstallmentId Id { get; private set; }

    public AgreementId AgreementId { get; private set; }

    public FunderId FunderId { get; private set; }

    /// <summary>The agreement year (1-based).</summary>
    public int Year { get; private set; }

    public InstallmentKind Kind { get; private set; }

    /// <summary>The number of the agreement version (0 = as signed, n = n-th amendment) that planned it.</summary>
    public int PlannedByVersion { get; private set; }

    /// <summary>The amount planned, in euros and cents.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The part of <see cref="Amount"/> no longer owed (cancelled by an amendment or a termination).</summary>
    public decimal CancelledAmount { get; private set; }

    public decimal PaidAmount { get; private set; }

    /// <summary>The day from which it may be paid: the signature or the year's start for an advance, the day after the year's end for a balance.</summary>
    public DateOnly DueFrom { get; private set; }

    public ReleaseCondition Condition { get; private set; }

    public DateTime? ReleasedAt { get; private set; }

    /// <summary>What released it, e.g. the approved report.</summary>
    public string? ReleasedBy { get; private set; }

    public InstallmentState State { get; private set; }

    public string? OrderReference { get; private set; }

    public DateOnly? OrderedOn { get; private set; }

    public Guid? OrderedBy { get; private set; }

    /// <summary>The approved bank details the payment was ordered to.</summary>
    public Guid? OrderedToBankAccountId { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>What is owed on it: the amount less what was cancelled.</summary>
    public decimal OwedAmount => Amount - CancelledAmount;

    /// <summary>What remains to pay.</summary>
    public decimal Remaining => OwedAmount - PaidAmount;

    public bool IsReleased => Condition == ReleaseCondition.None || ReleasedAt is not null;

    /// <summary>Neither ordered nor paid: amendments and terminations replace it freely.</summary>
    public bool IsUntouched => State == InstallmentState.Planned;

    public static Installment Plan(
        AgreementId agreementId,
        FunderId funderId,
        int year,
        InstallmentKind kind,
        decimal amount,
        DateOnly dueFrom,
        ReleaseCondition condition,
        int plannedByVersion)
    {
        if (amount <= 0 || !Money.IsInCents(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An installment is a positive amount in cents.");
        }

        return new Installment
        {
            Id = InstallmentId.New(),
            AgreementId = agreementId,
            FunderId = funderId,
            Year = year,
            Kind = kind,
            Amount = amount,
            DueFrom = dueFrom,
            Condition = condition,
            PlannedByVersion = plannedByVersion,
            State = InstallmentState.Planned,
        };
    }

    /// <summary>
    /// Its status on <paramref name="today"/>: stored states first, then scheduled before <see cref="DueFrom"/>,
    /// blocked when its condition is not met or the agreement's payments are held (<paramref name="held"/>: e.g. a
    /// previous report overdue, or an agreement not in force), due otherwise.
    /// </summary>
    public InstallmentStatus StatusOn(DateOnly today, bool held) => State switch
    {
        InstallmentState.Cancelled => InstallmentStatus.Cancelled,
        InstallmentState.Paid => InstallmentStatus.Paid,
        InstallmentState.Ordered => InstallmentStatus.Ordered,
        _ when today < DueFrom => InstallmentStatus.Scheduled,
        _ when !held && Due.IsSatisfiedBy(this, today) => InstallmentStatus.Due,
        _ => InstallmentStatus.Blocked,
    };

    /// <summary>
    /// Planned, its date come and its release condition met — due unless the agreement's payments are held: the one
    /// rule of the installment status, the finance views and the payment reminders.
    /// </summary>
    public static DayRule<Installment> Due { get; } = new((i, today) =>
        i.State == InstallmentState.Planned && i.DueFrom <= today && (i.Condition == ReleaseCondition.None || i.ReleasedAt != null));

    /// <summary>
    /// Meets the installment's release condition: the reports it waits for are approved (<paramref name="releasedBy"/>
    /// says which). The reporting module calls it when it approves them; releasing twice changes nothing.
    /// </summary>
    public Result Release(string releasedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(releasedBy))
        {
            throw new ArgumentException("Say what releases the installment.", nameof(releasedBy));
        }

        if (State == InstallmentState.Cancelled)
        {
            return Error.RuleBroken("installment.cancelled", "Cette échéance est annulée.");
        }

        if (IsReleased)
        {
            return Result.Success();
        }

        ReleasedAt = now.UtcDateTime;
        ReleasedBy = releasedBy.Trim();
        return Result.Success();
    }

    /// <summary>
    /// Orders the payment (the payment request is sent to the public accountant, with its reference): only a due
    /// installment, once its funder's legal commitment (<paramref name="legalCommitment"/>) is recorded, and to the lead
    /// member's approved bank details (<paramref name="approvedBankAccountId"/>) — never to a pending change.
    /// </summary>
    public Result Order(string reference, LegalCommitment? legalCommitment, Guid? approvedBankAccountId, Guid orderedBy, DateOnly today, bool held)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return Error.Validation("Reference", "Indiquez la référence de la demande de paiement.");
        }

        switch (StatusOn(today, held))
        {
            case InstallmentStatus.Due:
                break;
            case InstallmentStatus.Scheduled:
                return Error.RuleBroken("installment.not_due", $"Cette échéance n'est payable qu'à partir du {DueFrom:dd/MM/yyyy}.");
            case InstallmentStatus.Blocked:
                return Error.RuleBroken("installment.blocked", IsReleased
                    ? "Les paiements de cette convention sont suspendus."
                    : "Cette échéance attend l'approbation des comptes rendus de son année.");
            default:
                return Error.RuleBroken("installment.already_ordered", "Cette échéance est déjà mise en paiement, payée ou annulée.");
        }

        if (legalCommitment is null || legalCommitment.FunderId != FunderId)
        {
            return Error.RuleBroken("payment.legal_commitment_missing", "L'engagement juridique de votre financeur n'est pas encore enregistré sur cette convention.");
        }

        if (approvedBankAccountId is not { } bankAccountId)
        {
            return Error.RuleBroken("payment.bank_details_missing", "Le chef de file n'a pas de coordonnées bancaires approuvées : la mise en paiement attend leur validation par un second agent.");
        }

        State = InstallmentState.Ordered;
        OrderReference = reference.Trim();
        OrderedOn = today;
        OrderedBy = orderedBy;
        OrderedToBankAccountId = bankAccountId;
        return Result.Success();
    }

    /// <summary>
    /// Records a payment of an ordered installment. The same <paramref name="idempotencyKey"/> with the same amount
    /// returns the payment already recorded (nothing changes); a payment may be partial, never more than what remains.
    /// </summary>
    public Result<PaymentRecorded> RecordPayment(string idempotencyKey, decimal amount, DateOnly paidOn, string bankReference, Guid recordedBy, DateTimeOffset now)
    {
        if (_payments.FirstOrDefault(p => p.IdempotencyKey == idempotencyKey) is { } earlier)
        {
            return earlier.Amount == amount && earlier.PaidOn == paidOn
                ? new PaymentRecorded(earlier, Created: false)
                : Error.RuleBroken("payment.idempotency_key_reused", "Cette clé a déjà servi pour un autre paiement : un nouveau paiement prend une nouvelle clé.");
        }

        if (amount <= 0 || !Money.IsInCents(amount))
        {
            return Error.Validation("Amount", "Le montant payé est positif, en euros et centimes.");
        }

        if (State != InstallmentState.Ordered)
        {
            return State == InstallmentState.Planned
                ? Error.RuleBroken("installment.not_ordered", "Cette échéance n'est pas encore mise en paiement.")
                : Error.RuleBroken("installment.closed", "Cette échéance est soldée ou annulée : aucun paiement n'y est plus attendu.");
        }

        if (amount > Remaining)
        {
            return Error.RuleBroken("payment.exceeds_due", $"Le paiement ({Money.Format(amount)}) dépasse ce qui reste dû sur cette échéance ({Money.Format(Remaining)}).");
        }

        if (paidOn < OrderedOn)
        {
            return Error.RuleBroken("payment.before_order", "Un paiement ne peut pas précéder la demande de paiement.");
        }

        var payment = new Payment(Guid.CreateVersion7(), Id, idempotencyKey, amount, paidOn, bankReference.Trim(), recordedBy, now.UtcDateTime);
        _payments.Add(payment);
        PaidAmount += amount;
        if (Remaining == 0)
        {
            State = InstallmentState.Paid;
        }

        return new PaymentRecorded(payment, Created: true);
    }

    /// <summary>
    /// Cancels what is not yet paid (an amendment replaced it, or the agreement ends early): an installment with
    /// payments is closed at what was paid, one without is cancelled. Returns the amount cancelled.
    /// </summary>
    public decimal CancelUnpaid(string reason, DateTimeOffset now)
    {
        if (State is InstallmentState.Cancelled or InstallmentState.Paid)
        {
            return 0m;
        }

        var cancelled = Remaining;
        CancelledAmount += cancelled;
        State = PaidAmount > 0 ? InstallmentState.Paid : InstallmentState.Cancelled;
        CancelledAt = now.UtcDateTime;
        CancellationReason = reason;
        return cancelled;
    }
}

/// <summary>The payment recorded, and whether this request recorded it (false: an earlier request with the same key did).</summary>
public sealed record PaymentRecorded(Payment Payment, bool Created);
