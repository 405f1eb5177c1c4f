namespace PtceFunding.Domain.Payments;

/// <summary>Identifies a <see cref="RecoveryOrder"/>.</summary>
public readonly record struct RecoveryOrderId(Guid Value)
{
    public static RecoveryOrderId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Why more was paid than is finally due.</summary>
public enum RecoveryCause
{
    EarlyTermination = 0,
    AmountReduced = 1,
    ReportRejected = 2,
}

public enum RecoveryState
{
    Open = 0,
    Settled = 1,
}

/// <summary>An amount the consortium paid back, once per idempotency key.</summary>
public sealed record RecoverySettlement(string IdempotencyKey, decimal Amount, DateOnly ReceivedOn, string Reference, Guid RecordedBy, DateTime RecordedAt);

/// <summary>
/// A recovery order (ordre de reversement): a funder paid more than is finally due under an agreement (early
/// termination, amount reduced by an amendment, report rejected), and the lead member owes the difference.
/// Tracked to settlement: finance staff record what is paid back, never more than what is owed.
/// </summary>
public sealed class RecoveryOrder : AggregateRoot
{
    private readonly List<RecoverySettlement> _settlements = [];

    public const int MaxReasonLength = 500;

    private RecoveryOrder()
    {
    }

    public RecoveryOrderId Id { get; private set; }

    public AgreementId AgreementId { get; private set; }

    public FunderId FunderId { get; private set; }

    public RecoveryCause Cause { get; private set; }

    /// <summary>The agreement year it claims back, for a rejected year's report; null otherwise.</summary>
    public int? Year { get; private set; }

    public decimal Amount { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>The receivable's reference (titre de perception), once issued by finance staff.</summary>
    public string? Reference { get; private set; }

    public RecoveryState State { get; private set; }

    public IReadOnlyList<RecoverySettlement> Settlements => _settlements;

    public decimal Recovered => _settlements.Sum(s => s.Amount);

    public decimal Outstanding => Amount - Recovered;

    public static RecoveryOrder Create(AgreementId agreementId, FunderId funderId, RecoveryCause cause, decimal amount, string reason, DateTimeOffset now, int? year = null)
    {
        if (amount <= 0 || !Money.IsInCents(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A recovery order is a positive amount in cents.");
        }

        return new RecoveryOrder
        {
            Id = RecoveryOrderId.New(),
            AgreementId = agreementId,
            FunderId = funderId,
            Cause = cause,
            Year = year,
            Amount = amount,
            Reason = reason,
            CreatedAt = now.UtcDateTime,
            State = RecoveryState.Open,
        };
    }

    public Result Issue(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return Error.Validation("Reference", "Indiquez la référence du titre de perception.");
        }

        Reference = reference.Trim();
        return Result.Success();
    }

    /// <summary>
    /// Lowers what is to be paid back by up to <paramref name="amount"/>, never below what was already paid back (a later
    /// amendment or the termination makes part of it owed again); returns the reduction. Nothing left outstanding settles it.
    /// </summary>
    public decimal Reduce(decimal amount, string reason, DateTimeOffset now)
    {
        var reduction = Math.Min(Math.Max(amount, 0m), Outstanding);
        if (reduction == 0)
        {
            return 0m;
        }

        Amount -= reduction;
        var note = $"{Reason} ; ramené à {Money.Format(Amount)} le {now.UtcDateTime:dd/MM/yyyy} ({reason})";
        Reason = note.Length > MaxReasonLength ? note[..MaxReasonLength] : note;
        if (Outstanding == 0)
        {
            State = RecoveryState.Settled;
        }

        return reduction;
    }

    /// <summary>Records money paid back; the same key twice records it once; never more than what is outstanding.</summary>
    public Result<bool> RecordSettlement(string idempotencyKey, decimal amount, DateOnly receivedOn, string reference, Guid recordedBy, DateTimeOffset now)
    {
        if (_settlements.FirstOrDefault(s => s.IdempotencyKey == idempotencyKey) is { } earlier)
        {
            return earlier.Amount == amount
                ? false
                : Error.RuleBroken("payment.idempotency_key_reused", "Cette clé a déjà servi pour un autre reversement.");
        }

        if (amount <= 0 || !Money.IsInCents(amount))
        {
            return Error.Validation("Amount", "Le montant reversé est positif, en euros et centimes.");
        }

        if (amount > Outstanding)
        {
            return Error.RuleBroken("recovery.exceeds_outstanding", $"Le reversement ({Money.Format(amount)}) dépasse ce qui reste à reverser ({Money.Format(Outstanding)}).");
        }

        _settlements.Add(new RecoverySettlement(idempotencyKey, amount, receivedOn, reference.Trim(), recordedBy, now.UtcDateTime));
        if (Outstanding == 0)
        {
            State = RecoveryState.Settled;
        }

        return true;
    }
}
