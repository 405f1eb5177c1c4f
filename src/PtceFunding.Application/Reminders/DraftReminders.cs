using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reminders;

/// <summary>Drafts before the cut-off of the session they would join if submitted now: the lead member's verified users.</summary>
internal sealed class DraftReminders(IPtceDbContext db) : IReminderSource
{
    public async Task<int> Collect(ReminderSweep sweep, CancellationToken cancellationToken)
    {
        // The session a draft would join if submitted sweep.Now (CommitteeSession.NextFor, as submission picks it); its cut-off is the deadline.
        var published = sweep.Calls.Values.Where(c => c.Status == CallStatus.Published).Select(c => c.Id).ToList();
        var sessions = await db.CommitteeSessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Planned && published.Contains(s.CallId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var next = sessions.GroupBy(s => s.CallId)
            .Select(g => (CallId: g.Key, Session: CommitteeSession.NextFor(g, sweep.Calls[g.Key].TimeZoneId, sweep.Now)))
            .Where(n => n.Session is not null && sweep.Calls[n.CallId].Policy.StepDue(n.Session.CutOffDate, sweep.Today, ReminderSweep.BeforeDeadline) is not null)
            .ToDictionary(n => n.CallId, n => n.Session!);
        if (next.Count == 0)
        {
            return 0;
        }

        var callIds = next.Keys.ToList();
        var drafts = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Draft && callIds.Contains(a.CallId))
            .Select(a => new { a.Id, a.CallId, a.Title, a.LeadOrganisationId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var leads = await sweep.VerifiedUsers([.. drafts.Select(d => d.LeadOrganisationId)], cancellationToken).ConfigureAwait(false);
        foreach (var draft in drafts)
        {
            var call = sweep.Calls[draft.CallId];
            var session = next[draft.CallId];
            var offset = call.Policy.StepDue(session.CutOffDate, sweep.Today, ReminderSweep.BeforeDeadline)!.Value;
            Notice Reminder() => new Notices.DraftDueReminder(
                Title: draft.Title, DueOn: session.CutOffDate, Call: call.Title, Session: session.Name, When: ReminderText.When(session.CutOffDate, sweep.Today))
            {
                Link = sweep.Links.ApplicationFile(draft.Id),
            };
            foreach (var recipient in leads.GetValueOrDefault(draft.LeadOrganisationId, []))
            {
                sweep.Add(ReminderKind.Draft, draft.Id.Value, recipient, session.CutOffDate, offset, Reminder);
            }
        }

        return drafts.Count;
    }
}
