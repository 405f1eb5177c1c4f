namespace PtceFunding.Application.Payments;

/// <summary>An installment as read today; <see cref="Id"/> is null for the planned installments of a draft.</summary>
public sealed record InstallmentView(
    Guid? Id,
    int Year,
    InstallmentKind Kind,
    decimal Amount,
    decimal CancelledAmount,
    decimal PaidAmount,
    decimal Remaining,
    DateOnly? DueFrom,
    ReleaseCondition Condition,
    bool Released,
    InstallmentStatus Status,
    string StatusLabel,
    string? OrderReference,
    DateOnly? OrderedOn,
    string? CancellationReason,
    int PlannedByVersion,
    IReadOnlyList<PaymentView> Payments,
    int Version);

public sealed record PaymentView(Guid Id, decimal Amount, DateOnly PaidOn, string BankReference, DateTime RecordedAt);

public sealed record RecoveryOrderView(Guid Id, RecoveryCause Cause, decimal Amount, decimal Outstanding, string Reason, string? Reference, RecoveryState State, DateTime CreatedAt, int Version);
