using PtceFunding.Application.Applications;
using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Committee;

/// <summary>
/// The session is locked. Every file of the session still waiting for a decision rolls to the next
/// planned session of the call (or waits for one), with a history line; every applicant whose
/// application was decided in this session is told the decision (e-mail and in-app, through the outbox).
/// </summary>
[Allow(Audience.Instructors)]
public sealed record CloseSession(Guid SessionId) : ICommand<Result<ClosedSession>>;

public sealed record ClosedSession(int Decided, int RolledOver, int Notified, int Version);

internal sealed class CloseSessionHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, ILinks links) : ICommandHandler<CloseSession, Result<ClosedSession>>
{
    public async ValueTask<Result<ClosedSession>> Handle(CloseSession request, CancellationToken cancellationToken)
    {
        var found = await db.FindSession(user, request.SessionId, cancellationToken).ConfigureAwait(false);
        if (found is not { } sessionAndCall || !user.Conducts(sessionAndCall.Call))
        {
            return CommitteeAccess.NotFound;
        }

        var (session, call) = sessionAndCall;
        var now = clock.GetUtcNow();
        var closed = session.Close(now);
        if (!closed.IsSuccess)
        {
            return closed.Error;
        }

        var decisions = await db.CommitteeDecisions.AsNoTracking().Current().Where(d => d.SessionId == session.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var decidedIds = decisions.Select(d => d.ApplicationId).ToList();
        var undecided = await db.Applications.AwaitingDecision()
            .Where(a => a.SessionId == session.Id && !decidedIds.Contains(a.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var next = await db.NextPlannedSession(session, cancellationToken).ConfigureAwait(false);
        foreach (var application in undecided)
        {
            application.RollTo(next?.Id, next?.Name ?? "", now);
        }

        var notified = await Notify(session, next, call, decisions, now, cancellationToken).ConfigureAwait(false);
        return new ClosedSession(decisions.Count, undecided.Count, notified, db.VersionOnceSaved(session));
    }

    private async Task<int> Notify(CommitteeSession session, CommitteeSession? next, Call call, List<CommitteeDecision> decisions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (decisions.Count == 0)
        {
            return 0;
        }

        var ids = decisions.Select(d => d.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Reference, a.LeadOrganisationId }).ToDictionaryAsync(a => a.Id, cancellationToken).ConfigureAwait(false);
        var leadIds = applications.Values.Select(a => a.LeadOrganisationId).Distinct().ToList();
        var recipients = await (
                from membership in db.OrganisationMemberships.AsNoTracking()
                join account in db.Users on membership.UserId equals account.Id
                where leadIds.Contains(membership.OrganisationId) && membership.Status == MembershipStatus.Verified
                select new { membership.OrganisationId, account.Id, account.Email, account.DisplayName })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var funderIds = call.Funders.Select(f => f.FunderId).ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);

        var sent = 0;
        foreach (var decision in decisions)
        {
            var application = applications[decision.ApplicationId];
            foreach (var recipient in recipients.Where(r => r.OrganisationId == application.LeadOrganisationId && !string.IsNullOrEmpty(r.Email)))
            {
                var notice = Decision(decision, application.Reference ?? "", application.Title, call.Title, session.Name, next, funders) with
                {
                    Name = recipient.DisplayName,
                    Link = links.ApplicationFile(application.Id),
                };
                var enqueued = await db.Enqueue(
                    new OutgoingNotification(recipient.Id, recipient.Email!, notice, NotificationChannels.EmailAndInApp, $"committee-decision:{decision.Id}:{recipient.Id}"),
                    now,
                    cancellationToken).ConfigureAwait(false);
                sent += enqueued ? 1 : 0;
            }
        }

        return sent;
    }

    /// <summary>What the consortium is told of the committee's decision on its application.</summary>
    private static Notice Decision(
        CommitteeDecision decision, string reference, string title, string call, string session, CommitteeSession? next, Dictionary<FunderId, string> funders) =>
        decision.Outcome switch
        {
            DecisionOutcome.Accepted => new Notices.ApplicationAccepted(
                Reference: reference,
                Session: session,
                Title: title,
                Call: call,
                Amounts: string.Join(" ; ", decision.Amounts.Select(a => $"{funders.GetValueOrDefault(a.FunderId, "?")} : {Money.Format(a.Amount)}")),
                Duration: decision.DurationYears?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Conditions: decision.Conditions is null ? "Aucune condition particulière n'accompagne cette décision." : $"Conditions : {decision.Conditions}"),
            DecisionOutcome.Rejected => new Notices.ApplicationRejected(Reference: reference, Session: session, Title: title, Call: call, Reasons: decision.PublicReasons ?? ""),
            _ => new Notices.ApplicationDeferred(
                Reference: reference,
                Session: session,
                Title: title,
                Call: call,
                Next: next is null
                    ? "Votre dossier sera examiné par la prochaine session du comité, dès sa planification."
                    : $"Votre dossier sera examiné par la session « {next.Name} » (comité du {FrenchFormat.Date(next.MeetingDate)}).",
                Reasons: decision.PublicReasons is null ? "Le chargé de mission vous indiquera les éléments attendus." : $"Motifs : {decision.PublicReasons}"),
        };
}
