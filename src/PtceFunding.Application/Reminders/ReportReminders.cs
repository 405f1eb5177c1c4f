using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reminders;

/// <summary>Reports due or overdue (activity, financial, final): the lead member's verified users; from the escalated step, the funders' program officers too.</summary>
internal sealed class ReportReminders(IPtceDbContext db) : IReminderSource
{
    public async Task<int> Collect(ReminderSweep sweep, CancellationToken cancellationToken)
    {
        var pending = await (
                from report in db.Reports.AsNoTracking()
                where (report.State == ReportState.Pending || report.State == ReportState.Returned) && report.DueOn <= sweep.Horizon
                join agreement in db.Agreements.AsNoTracking() on report.AgreementId equals agreement.Id
                select new { report.Id, report.AgreementId, report.Kind, report.YearNumber, report.DueOn, agreement.CallId, agreement.Title, agreement.LeadOrganisationId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var steps = pending
            .Select(r => (Report: r, Policy: sweep.Calls[r.CallId].Policy, Step: sweep.Calls[r.CallId].Policy.StepDue(r.DueOn, sweep.Today)))
            .Where(r => r.Step is not null)
            .ToList();
        if (steps.Count == 0)
        {
            return pending.Count;
        }

        // The lead member is the agreement's current one (Agreement.LeadOrganisationId follows the amendments); the
        // funders come from its current terms, read only for the escalated steps (their officers are the recipients).
        var escalated = steps.Where(s => s.Policy.Escalates(s.Step!.Value)).Select(s => s.Report.AgreementId).Distinct().ToList();
        var funders = escalated.Count == 0
            ? []
            : (await db.Agreements.AsNoTracking().Where(a => escalated.Contains(a.Id)).Select(a => new { a.Id, a.Versions })
                    .ToListAsync(cancellationToken).ConfigureAwait(false))
                .ToDictionary(a => a.Id, a => a.Versions[^1].Funders.Select(f => f.FunderId).ToHashSet());
        var leadIds = steps.Select(s => s.Report.LeadOrganisationId).ToHashSet();
        var leads = await sweep.VerifiedUsers(leadIds, cancellationToken).ConfigureAwait(false);
        var leadNames = await sweep.OrganisationNames(leadIds, cancellationToken).ConfigureAwait(false);
        var officers = escalated.Count > 0 ? await sweep.Staff(Roles.ProgramOfficer).ConfigureAwait(false) : [];

        foreach (var (report, policy, step) in steps)
        {
            var offset = step!.Value;
            var label = ReminderText.Report(report.Kind, report.YearNumber);
            var when = ReminderText.When(report.DueOn, sweep.Today);
            var link = sweep.Links.Agreement(report.AgreementId);
            Notice Reminder() => offset > 0
                ? new Notices.ReportOverdueReminder(Report: label, DueOn: report.DueOn, Title: report.Title, When: when) { Link = link }
                : new Notices.ReportDueReminder(Report: label, DueOn: report.DueOn, Title: report.Title, When: when) { Link = link };
            foreach (var recipient in leads.GetValueOrDefault(report.LeadOrganisationId, []))
            {
                sweep.Add(ReminderKind.Report, report.Id.Value, recipient, report.DueOn, offset, Reminder);
            }

            if (policy.Escalates(offset))
            {
                var parties = funders[report.AgreementId];
                foreach (var officer in officers.Where(o => o.FunderId is { } funder && parties.Contains(funder)))
                {
                    sweep.Add(ReminderKind.Report, report.Id.Value, officer, report.DueOn, offset, () => new Notices.ReportOverdueEscalation(
                        Title: report.Title, Report: label, Lead: leadNames.GetValueOrDefault(report.LeadOrganisationId, ""), DueOn: report.DueOn, When: when)
                    { Link = link });
                }
            }
        }

        return pending.Count;
    }
}
