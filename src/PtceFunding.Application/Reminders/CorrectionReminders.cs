using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reminders;

/// <summary>Corrections requested and not sent back: the lead member's verified users; from the escalated step, the assigned officer.</summary>
internal sealed class CorrectionReminders(IPtceDbContext db) : IReminderSource
{
    public async Task<int> Collect(ReminderSweep sweep, CancellationToken cancellationToken)
    {
        var pending = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.CorrectionsRequested && a.CorrectionsDueOn != null && a.CorrectionsDueOn <= sweep.Horizon)
            .Select(a => new { a.Id, a.CallId, a.Reference, a.Title, a.LeadOrganisationId, a.AssignedOfficerId, DueOn = a.CorrectionsDueOn!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var steps = pending
            .Select(a => (Application: a, Policy: sweep.Calls[a.CallId].Policy, Step: sweep.Calls[a.CallId].Policy.StepDue(a.DueOn, sweep.Today)))
            .Where(a => a.Step is not null)
            .ToList();
        var leads = await sweep.VerifiedUsers([.. steps.Select(s => s.Application.LeadOrganisationId)], cancellationToken).ConfigureAwait(false);
        var leadNames = await sweep.OrganisationNames([.. steps.Select(s => s.Application.LeadOrganisationId)], cancellationToken).ConfigureAwait(false);
        var officers = await sweep.Accounts([.. steps.Where(s => s.Application.AssignedOfficerId is not null).Select(s => s.Application.AssignedOfficerId!.Value)], cancellationToken).ConfigureAwait(false);
        foreach (var (application, policy, step) in steps)
        {
            var offset = step!.Value;
            var reference = application.Reference ?? "";
            var when = ReminderText.When(application.DueOn, sweep.Today);
            Notice Reminder() => offset > 0
                ? new Notices.CorrectionsOverdueReminder(Reference: reference, DueOn: application.DueOn, Title: application.Title, When: when) { Link = sweep.Links.ApplicationFile(application.Id) }
                : new Notices.CorrectionsDueReminder(Reference: reference, DueOn: application.DueOn, Title: application.Title, When: when) { Link = sweep.Links.ApplicationFile(application.Id) };
            foreach (var recipient in leads.GetValueOrDefault(application.LeadOrganisationId, []))
            {
                sweep.Add(ReminderKind.Corrections, application.Id.Value, recipient, application.DueOn, offset, Reminder);
            }

            if (policy.Escalates(offset) && application.AssignedOfficerId is { } officerId && officers.GetValueOrDefault(officerId) is { } officer)
            {
                sweep.Add(ReminderKind.Corrections, application.Id.Value, officer, application.DueOn, offset, () => new Notices.CorrectionsOverdueEscalation(
                    Reference: reference, Title: application.Title, Lead: leadNames.GetValueOrDefault(application.LeadOrganisationId, ""), DueOn: application.DueOn, When: when)
                {
                    Link = sweep.Links.Instruction(application.Id),
                });
            }
        }

        return pending.Count;
    }
}
