namespace PtceFunding.Application.Payments;

/// <summary>
/// A finance officer of the recovery order's funder records the reference of the receivable issued for it (titre de
/// perception). Issuing it again with the same reference changes nothing; another reference corrects it.
/// </summary>
[Allow(Audience.FinanceOfficers)]
public sealed record IssueRecoveryOrder(Guid RecoveryOrderId, string Reference, int? ExpectedVersion) : ICommand<Result<RecoveryOrderView>>, IVersioned;

internal sealed class IssueRecoveryOrderValidator : AbstractValidator<IssueRecoveryOrder>
{
    public IssueRecoveryOrderValidator()
    {
        RuleFor(c => c.Reference).NotEmpty().WithMessage("Indiquez la référence du titre de perception.")
            .MaximumLength(50).WithMessage("La référence compte au plus 50 caractères.");
    }
}

internal sealed class IssueRecoveryOrderHandler(IPtceDbContext db, ICurrentUser user) : ICommandHandler<IssueRecoveryOrder, Result<RecoveryOrderView>>
{
    public async ValueTask<Result<RecoveryOrderView>> Handle(IssueRecoveryOrder request, CancellationToken cancellationToken)
    {
        var found = await db.FindRecoveryOrderForFinance(user, new RecoveryOrderId(request.RecoveryOrderId), cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var order = found.Value;
        if (order.Reference == request.Reference.Trim())
        {
            return order.ToView();
        }

        if (db.VersionConflict(order, request) is { } conflict)
        {
            return conflict;
        }

        var issued = order.Issue(request.Reference);
        if (!issued.IsSuccess)
        {
            return issued.Error;
        }

        db.VersionOnceSaved(order);
        return order.ToView();
    }
}
