namespace PtceFunding.Application.Applications;

/// <summary>A resource line as the form sends it; <see cref="FunderId"/> names the call's funder it is asked from, if any.</summary>
public sealed record ResourceInput(int Year, ResourceSource Source, decimal Amount, Guid? FunderId, string? Label);

/// <summary>The amount asked of one of the call's funders.</summary>
public sealed record RequestedAmountInput(Guid FunderId, decimal Amount);

/// <summary>
/// Saves the multi-year financing plan and the amounts requested from the call's funders. A draft
/// may be unbalanced; submission checks every year balances.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record PlanFinancing(Guid Id, int? ExpectedVersion, IReadOnlyList<ExpenseLine> Expenses, IReadOnlyList<ResourceInput> Resources, IReadOnlyList<RequestedAmountInput> RequestedAmounts)
    : ICommand<Result<int>>, IVersioned;

internal sealed class PlanFinancingValidator : AbstractValidator<PlanFinancing>
{
    public PlanFinancingValidator()
    {
        RuleFor(c => c.Expenses).Must(e => e.Count <= 500).WithMessage("Au plus 500 lignes de dépenses.");
        RuleFor(c => c.Resources).Must(r => r.Count <= 500).WithMessage("Au plus 500 lignes de ressources.");
        RuleForEach(c => c.Expenses).ChildRules(e => e.RuleFor(x => x.Category).IsInEnum().WithMessage("Catégorie de dépense inconnue."));
        RuleForEach(c => c.Resources).ChildRules(r => r.RuleFor(x => x.Source).IsInEnum().WithMessage("Origine de ressource inconnue."));
    }
}

internal sealed class PlanFinancingHandler(IPtceDbContext db, ICurrentUser user) : ICommandHandler<PlanFinancing, Result<int>>
{
    public ValueTask<Result<int>> Handle(PlanFinancing request, CancellationToken cancellationToken)
    {
        var plan = new FinancingPlan(
            [.. request.Expenses],
            [.. request.Resources.Select(r => new ResourceLine(r.Year, r.Source, r.Amount, r.FunderId is { } f ? new FunderId(f) : null, r.Label))]);
        var requested = request.RequestedAmounts.Select(r => new RequestedAmount(new FunderId(r.FunderId), r.Amount)).ToList();
        return new(ApplicationDrafts.Edit(db, user, request.Id, request, application => application.PlanFinancing(plan, requested), cancellationToken));
    }
}
