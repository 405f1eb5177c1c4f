namespace PtceFunding.Application.Payments;

/// <summary>
/// A finance officer of the installment's funder orders its payment (the payment request sent to the public
/// accountant, with its reference): the installment must be due (not scheduled, not blocked by its condition or by an
/// overdue report of the agreement), the funder's legal
/// commitment recorded, the lead member's bank details approved (the order goes to those details, never to a pending
/// change). Ordering it again with the same reference changes nothing.
/// </summary>
[Allow(Audience.FinanceOfficers)]
public sealed record OrderInstallment(Guid InstallmentId, string Reference, int? ExpectedVersion) : ICommand<Result<InstallmentView>>, IVersioned;

internal sealed class OrderInstallmentValidator : AbstractValidator<OrderInstallment>
{
    public OrderInstallmentValidator()
    {
        RuleFor(c => c.Reference).NotEmpty().WithMessage("Indiquez la référence de la demande de paiement.")
            .MaximumLength(50).WithMessage("La référence compte au plus 50 caractères.");
    }
}

internal sealed class OrderInstallmentHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<OrderInstallment, Result<InstallmentView>>
{
    public async ValueTask<Result<InstallmentView>> Handle(OrderInstallment request, CancellationToken cancellationToken)
    {
        var found = await db.FindInstallmentForFinance(user, new InstallmentId(request.InstallmentId), cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (installment, agreement) = found.Value;
        var today = clock.Today();
        var held = await db.PaymentsHeld(agreement, today, cancellationToken).ConfigureAwait(false);
        if (installment.State == InstallmentState.Ordered && installment.OrderReference == request.Reference.Trim())
        {
            return installment.ToView(today, held);
        }

        if (db.VersionConflict(installment, request) is { } conflict)
        {
            return conflict;
        }

        var account = await db.ApprovedBankAccountOf(agreement.LeadOrganisationId, cancellationToken).ConfigureAwait(false);
        var ordered = installment.Order(request.Reference, agreement.LegalCommitmentOf(installment.FunderId), account?.Id.Value, user.UserId!.Value, today, held);
        if (!ordered.IsSuccess)
        {
            return ordered.Error;
        }

        db.VersionOnceSaved(installment);
        return installment.ToView(today, held);
    }
}
