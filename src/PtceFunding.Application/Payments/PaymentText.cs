namespace PtceFunding.Application.Payments;

/// <summary>French labels of the payment vocabulary (the API's statusLabel; the pages use them through the Web presentation kit), and the read models of installments and recovery orders.</summary>
public static class PaymentText
{
    public static string StatusLabel(InstallmentStatus status) => status switch
    {
        InstallmentStatus.Scheduled => "Prévue",
        InstallmentStatus.Due => "À payer",
        InstallmentStatus.Blocked => "Bloquée",
        InstallmentStatus.Ordered => "Mise en paiement",
        InstallmentStatus.Paid => "Payée",
        InstallmentStatus.Cancelled => "Annulée",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string KindLabel(InstallmentKind kind) => kind == InstallmentKind.Advance ? "Avance" : "Solde";

    public static string CauseLabel(RecoveryCause cause) => cause switch
    {
        RecoveryCause.EarlyTermination => "Résiliation anticipée",
        RecoveryCause.AmountReduced => "Montant réduit par avenant",
        RecoveryCause.ReportRejected => "Compte rendu rejeté",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };

    public static InstallmentView ToView(this Installment installment, DateOnly today, bool held)
    {
        ArgumentNullException.ThrowIfNull(installment);
        var status = installment.StatusOn(today, held);
        return new InstallmentView(
            installment.Id.Value,
            installment.Year,
            installment.Kind,
            installment.Amount,
            installment.CancelledAmount,
            installment.PaidAmount,
            installment.Remaining,
            installment.DueFrom,
            installment.Condition,
            installment.IsReleased,
            status,
            StatusLabel(status),
            installment.OrderReference,
            installment.OrderedOn,
            installment.CancellationReason,
            installment.PlannedByVersion,
            [.. installment.Payments.OrderBy(p => p.RecordedAt).Select(p => new PaymentView(p.Id, p.Amount, p.PaidOn, p.BankReference, p.RecordedAt))],
            installment.Version);
    }

    public static RecoveryOrderView ToView(this RecoveryOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new RecoveryOrderView(order.Id.Value, order.Cause, order.Amount, order.Outstanding, order.Reason, order.Reference, order.State, order.CreatedAt, order.Version);
    }
}
