using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Reviews;

/// <summary>
/// The officer's instruction report and proposal to the committee: an amount per funder of the
/// call, a duration of 1 to 5 years and the shape of the payment schedule.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record ProposeFunding(
    Guid Id, int? ExpectedVersion, string Report, IReadOnlyList<RequestedAmountInput> Amounts, int DurationYears, ScheduleShape Shape) : ICommand<Result<int>>, IVersioned;

internal sealed class ProposeFundingValidator : AbstractValidator<ProposeFunding>
{
    public ProposeFundingValidator()
    {
        RuleFor(c => c.Report).NotEmpty().WithMessage("Rédigez le rapport d'instruction.")
            .MaximumLength(8000).WithMessage("Le rapport d'instruction ne dépasse pas 8 000 caractères.");
        RuleFor(c => c.Amounts).NotEmpty().WithMessage("Proposez un montant pour au moins un financeur de l'appel.");
        RuleFor(c => c.DurationYears).InclusiveBetween(1, CallRules.LongestAgreementYears)
            .WithMessage($"La durée proposée est comprise entre 1 et {CallRules.LongestAgreementYears} ans.");
        RuleFor(c => c.Shape).IsInEnum().WithMessage("Choisissez la forme de l'échéancier : linéaire, dégressif ou progressif.");
    }
}

internal sealed class ProposeFundingHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ProposeFunding, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ProposeFunding request, CancellationToken cancellationToken) =>
        await db.ApplicationToReview(user, request.Id, request, cancellationToken)
            .Then(async application =>
            {
                var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken).ConfigureAwait(false);
                if (request.Amounts.Any(a => !call.IsFundedBy(new FunderId(a.FunderId))))
                {
                    return Error.RuleBroken("proposal.funder_not_in_call", "Un montant est proposé pour un financeur qui ne finance pas cet appel.");
                }

                if (request.Amounts.Select(a => a.FunderId).Distinct().Count() != request.Amounts.Count)
                {
                    return Error.Validation(nameof(ProposeFunding.Amounts), "Un seul montant par financeur.");
                }

                var amounts = request.Amounts.Select(a => new RequestedAmount(new FunderId(a.FunderId), a.Amount)).ToList();
                return db.VersionAfter(application, application.Propose(request.Report, amounts, request.DurationYears, request.Shape, user.UserId!.Value, clock.GetUtcNow()));
            })
            .ConfigureAwait(false);
}
