namespace PtceFunding.Application.Applications;

/// <summary>Saves the indicators the consortium commits to: baseline and a target per project year.</summary>
[Allow(Audience.Applicants)]
public sealed record CommitToIndicators(Guid Id, int? ExpectedVersion, IReadOnlyList<IndicatorCommitment> Indicators) : ICommand<Result<int>>, IVersioned;

internal sealed class CommitToIndicatorsValidator : AbstractValidator<CommitToIndicators>
{
    public CommitToIndicatorsValidator() =>
        RuleForEach(c => c.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Code).NotEmpty().WithMessage("Chaque indicateur a un code.");
            i.RuleFor(x => x.YearlyTargets).Must(t => t.Count <= 5).WithMessage("Au plus une cible par année, sur 5 ans.");
        });
}

internal sealed class CommitToIndicatorsHandler(IPtceDbContext db, ICurrentUser user) : ICommandHandler<CommitToIndicators, Result<int>>
{
    public ValueTask<Result<int>> Handle(CommitToIndicators request, CancellationToken cancellationToken) =>
        new(ApplicationDrafts.Edit(db, user, request.Id, request, application => application.CommitToIndicators(request.Indicators), cancellationToken));
}
