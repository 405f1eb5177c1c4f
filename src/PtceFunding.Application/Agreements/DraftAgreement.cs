using PtceFunding.Application.Applications;
using PtceFunding.Application.Committee;

namespace PtceFunding.Application.Agreements;

/// <summary>
/// A program officer who sees an accepted application drafts its agreement from the current decision of a
/// closed session: each funder's granted total split over the agreement years (<see cref="AgreementSchedule.DefaultSplit"/>),
/// default payment terms (50 % advance each year). Idempotent: when the decision already has its agreement, that one is answered.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record DraftAgreement(Guid ApplicationId) : ICommand<Result<DraftedAgreement>>;

/// <summary>The agreement's id; <see cref="Created"/> is false when it already existed.</summary>
public sealed record DraftedAgreement(Guid Id, bool Created);

internal sealed class DraftAgreementHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DraftAgreement, Result<DraftedAgreement>>
{
    private static readonly Error NoAcceptedDecision = Error.RuleBroken(
        "agreement.no_accepted_decision",
        "Ce dossier n'a pas été retenu par une session close du comité : aucune convention ne peut encore être rédigée.");

    public async ValueTask<Result<DraftedAgreement>> Handle(DraftAgreement request, CancellationToken cancellationToken)
    {
        var applicationId = new FundingApplicationId(request.ApplicationId);
        var application = await db.Applications.AsNoTracking().VisibleTo(db, user).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (application.Status != ApplicationStatus.Accepted)
        {
            return NoAcceptedDecision;
        }

        var decision = await db.CommitteeDecisions.AsNoTracking().Current()
            .Where(d => d.ApplicationId == applicationId && d.Outcome == DecisionOutcome.Accepted
                && db.CommitteeSessions.Any(s => s.Id == d.SessionId && s.Status == SessionStatus.Closed))
            .OrderByDescending(d => d.RecordedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (decision is null)
        {
            return NoAcceptedDecision;
        }

        var existing = await db.Agreements.AsNoTracking().Where(a => a.DecisionId == decision.Id).Select(a => (Guid?)a.Id.Value)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing is { } existingId)
        {
            return new DraftedAgreement(existingId, Created: false);
        }

        var terms = await db.Calls.AsNoTracking().Where(c => c.Id == application.CallId).Select(c => c.AgreementTerms)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var settings = new AgreementSettings(terms.AdvancePercentage, terms.AnniversaryYears, terms.ReportDueAfterMonths);
        if (application.StartDate is not { } startDate || decision.DurationYears is not { } duration || duration < 1)
        {
            return Error.RuleBroken("agreement.start_date_missing", "La date de début ou la durée du projet n'est pas connue.");
        }

        var split = AgreementSchedule.DefaultSplit(application.ProposedShape, AgreementYear.Sequence(startDate, duration, settings.AnniversaryYears));
        if (!split.IsSuccess)
        {
            return split.Error;
        }

        var commitments = AgreementSchedule.Commitments(decision.Amounts, split.Value);
        if (!commitments.IsSuccess)
        {
            return commitments.Error;
        }

        var drafted = Agreement.DraftFrom(AgreementId.New(), decision, application, commitments.Value, settings, user.UserId!.Value, clock.GetUtcNow());
        if (!drafted.IsSuccess)
        {
            return drafted.Error;
        }

        db.Agreements.Add(drafted.Value);
        return new DraftedAgreement(drafted.Value.Id.Value, Created: true);
    }
}
