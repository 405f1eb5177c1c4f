namespace PtceFunding.Application.Payments;

/// <summary>
/// A finance officer of the installment's funder records a payment made on an ordered installment: amount (partial
/// allowed, never more than what remains), payment date and bank reference. The client gives an idempotency key:
/// the same request again — even fifty at once — returns the payment first recorded and records nothing more.
/// Concurrent requests on one installment run one after the other (row lock), so requests with different keys
/// cannot together pay more than is due.
/// </summary>
[Allow(Audience.FinanceOfficers)]
public sealed record RecordPayment(Guid InstallmentId, string IdempotencyKey, decimal Amount, DateOnly PaidOn, string BankReference)
    : ICommand<Result<RecordedPayment>>;

/// <summary>The payment, the installment after it, and whether this request recorded it.</summary>
public sealed record RecordedPayment(PaymentView Payment, InstallmentView Installment, bool Created);

internal sealed class RecordPaymentValidator : AbstractValidator<RecordPayment>
{
    public RecordPaymentValidator()
    {
        RuleFor(c => c.IdempotencyKey).NotEmpty().WithMessage("Une clé d'idempotence est requise (en-tête Idempotency-Key).")
            .MaximumLength(100).WithMessage("La clé d'idempotence compte au plus 100 caractères.");
        RuleFor(c => c.Amount).GreaterThan(0).WithMessage("Le montant payé est positif.")
            .Must(Money.IsInCents).WithMessage("Le montant payé s'exprime en euros et centimes.");
        RuleFor(c => c.BankReference).NotEmpty().WithMessage("Indiquez la référence bancaire du paiement.")
            .MaximumLength(100).WithMessage("La référence bancaire compte au plus 100 caractères.");
    }
}

internal sealed class RecordPaymentHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordPayment, Result<RecordedPayment>>
{
    public async ValueTask<Result<RecordedPayment>> Handle(RecordPayment request, CancellationToken cancellationToken)
    {
        var id = new InstallmentId(request.InstallmentId);
        await db.LockInstallment(id, cancellationToken).ConfigureAwait(false);
        var found = await db.FindInstallmentForFinance(user, id, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (installment, agreement) = found.Value;
        var now = clock.GetUtcNow();
        if (request.PaidOn > now.Today())
        {
            return Error.Validation(nameof(RecordPayment.PaidOn), "La date de paiement ne peut pas être dans le futur.");
        }

        var recorded = installment.RecordPayment(request.IdempotencyKey.Trim(), request.Amount, request.PaidOn, request.BankReference, user.UserId!.Value, now);
        if (!recorded.IsSuccess)
        {
            return recorded.Error;
        }

        db.VersionOnceSaved(installment);
        var payment = recorded.Value.Payment;
        var today = now.Today();
        var held = await db.PaymentsHeld(agreement, today, cancellationToken).ConfigureAwait(false);
        return new RecordedPayment(
            new PaymentView(payment.Id, payment.Amount, payment.PaidOn, payment.BankReference, payment.RecordedAt),
            installment.ToView(today, held),
            recorded.Value.Created);
    }
}
