using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Committee;

/// <summary>
/// A committee member (not recused) records the session's decision on an application while the
/// session is open: accepted (amount per funder, duration, conditions), rejected (public reasons) or
/// deferred (to the next planned session). Recording again supersedes the current decision, which is kept.
/// </summary>
[Allow(Audience.CommitteeMembers)]
public sealed record RecordDecision(
    Guid SessionId,
    Guid ApplicationId,
    int? ExpectedVersion,
    DecisionOutcome Outcome,
    IReadOnlyList<RequestedAmountInput>? Amounts,
    int? DurationYears,
    string? Conditions,
    string? PublicReasons,
    string Rationale) : ICommand<Result<RecordedDecision>>, IVersioned;

public sealed record RecordedDecision(Guid Id, Guid? SupersedesId, ApplicationStatus Status, int Version);

internal sealed class RecordDecisionValidator : AbstractValidator<RecordDecision>
{
    public RecordDecisionValidator()
    {
        RuleFor(c => c.Outcome).IsInEnum().WithMessage("Le comité retient, refuse ou ajourne un dossier.");
        RuleFor(c => c.Rationale).NotEmpty().WithMessage("Indiquez le vote ou la motivation de la décision.")
            .MaximumLength(4000).WithMessage("La motivation ne peut dépasser 4 000 caractères.");
        RuleFor(c => c.PublicReasons).NotEmpty().When(c => c.Outcome == DecisionOutcome.Rejected)
            .WithMessage("Indiquez les motifs du refus : ils sont communiqués au consortium.");
        RuleFor(c => c.PublicReasons).MaximumLength(4000).WithMessage("Les motifs ne peuvent dépasser 4 000 caractères.");
        RuleFor(c => c.Conditions).MaximumLength(4000).WithMessage("Les conditions ne peuvent dépasser 4 000 caractères.");
        RuleFor(c => c.Amounts).NotEmpty().When(c => c.Outcome == DecisionOutcome.Accepted)
            .WithMessage("Indiquez le montant accordé par chaque financeur.");
        RuleFor(c => c.DurationYears).NotNull().When(c => c.Outcome == DecisionOutcome.Accepted)
            .WithMessage("Indiquez la durée du financement.");
    }
}

internal sealed class RecordDecisionHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordDecision, Result<RecordedDecision>>
{
    public async ValueTask<Result<RecordedDecision>> Handle(RecordDecision request, CancellationToken cancellationToken)
    {
        var found = await db.FindSession(user, request.SessionId, cancellationToken).ConfigureAwait(false);
        if (found is not { } sessionAndCall || !user.SitsOn(sessionAndCall.Call))
        {
            return CommitteeAccess.NotFound;
        }

        var (session, call) = sessionAndCall;
        var applicationId = new FundingApplicationId(request.ApplicationId);
        var application = await db.Applications
            .FirstOrDefaultAsync(a => a.Id == applicationId && (a.SessionId == session.Id || db.CommitteeDecisions.Any(d => d.ApplicationId == a.Id && d.SessionId == session.Id)), cancellationToken)
            .ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        var memberId = user.UserId!.Value;
        if (await db.IsRecused(memberId, session.Id, applicationId, cancellationToken).ConfigureAwait(false))
        {
            return CommitteeAccess.Recused;
        }

        if (db.VersionConflict(application, request) is { } conflict)
        {
            return conflict;
        }

        var current = await db.CommitteeDecisions.Current().FirstOrDefaultAsync(d => d.ApplicationId == applicationId && d.SessionId == session.Id, cancellationToken).ConfigureAwait(false);
        var next = request.Outcome == DecisionOutcome.Deferred ? await db.NextPlannedSession(session, cancellationToken).ConfigureAwait(false) : null;
        var input = new DecisionInput(
            request.Outcome,
            [.. (request.Amounts ?? []).Select(a => new RequestedAmount(new FunderId(a.FunderId), a.Amount))],
            request.DurationYears,
            request.Conditions,
            request.PublicReasons,
            request.Rationale);
        var recorded = CommitteeDecision.Record(session, call, application, input, current, next, memberId, clock.GetUtcNow());
        if (!recorded.IsSuccess)
        {
            return recorded.Error;
        }

        db.CommitteeDecisions.Add(recorded.Value);
        return new RecordedDecision(recorded.Value.Id.Value, recorded.Value.SupersedesId?.Value, application.Status, db.VersionOnceSaved(application));
    }
}
