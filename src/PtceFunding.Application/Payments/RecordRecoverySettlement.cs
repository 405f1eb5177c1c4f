namespace PtceFunding.Application.Payments;

/// <summary>
/// A finance officer of the recovery order's funder records money the consortium paid back (partial allowed, never more
/// than what is outstanding), with the date received and its reference. Like payments, the client gives an idempotency
/// key: the same request again records nothing more; concurrent requests on one order run one after the other (row lock).
/// </summary>
[Allow(Audience.FinanceOfficers)]
public sealed record RecordRecoverySettlement(Guid RecoveryOrderId, string IdempotencyKey, decimal Amount, DateOnly ReceivedOn, string Reference)
    : ICommand<Result<RecordedSettlement>>;

/// <summary>The recovery order after the settlement, and whether this request recorded it.</summary>
public sealed record RecordedSettlement(RecoveryOrderView RecoveryOrder, bool Created);

internal sealed class RecordRecoverySettlementValidator : AbstractValidator<RecordRecoverySettlement>
{
    public RecordRecoverySettlementValidator()
    {
        RuleFor(c => c.IdempotencyKey).NotEmpty().WithMessage("Une clé d'idempotence est requise (en-tête Idempotency-Key).")
            .MaximumLength(100).WithMessage("La clé d'idempotence compte au plus 100 caractères.");
        RuleFor(c => c.Amount).GreaterThan(0).WithMessage("Le montant reversé est positif.")
            .Must(Money.IsInCents).WithMessage("Le montant reversé s'exprime en euros et centimes.");
        RuleFor(c => c.Reference).NotEmpty().WithMessage("Indiquez la référence du reversement.")
            .MaximumLength(100).WithMessage("La référence compte au plus 100 caractères.");
    }
}

internal sealed class RecordRecoverySettlementHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordRecoverySettlement, Result<RecordedSettlement>>
{
    public async ValueTask<Result<RecordedSettlement>> Handle(RecordRecoverySettlement request, CancellationToken cancellationToken)
    {
        var id = new RecoveryOrderId(request.RecoveryOrderId);
        await db.LockRecoveryOrder(id, cancellationToken).ConfigureAwait(false);
        var found = await db.FindRecoveryOrderForFinance(user, id, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var order = found.Value;
        var now = clock.GetUtcNow();
        if (request.ReceivedOn > now.Today())
        {
            return Error.Validation(nameof(RecordRecoverySettlement.ReceivedOn), "La date du reversement ne peut pas être dans le futur.");
        }

        var recorded = order.RecordSettlement(request.IdempotencyKey.Trim(), request.Amount, request.ReceivedOn, request.Reference, user.UserId!.Value, now);
        if (!recorded.IsSuccess)
        {
            return recorded.Error;
        }

        db.VersionOnceSaved(order);
        return new RecordedSettlement(order.ToView(), recorded.Value);
    }
}
