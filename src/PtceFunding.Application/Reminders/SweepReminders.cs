using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Application.Notifications;
using PtceFunding.Application.Payments;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Notifications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Reminders;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Reviews;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Reminders;

/// <summary>
/// The hourly reminders sweep (a recurring job): for today (Europe/Paris) it finds every obligation still pending
/// whose reminder step has come under its call's <see cref="ReminderPolicy"/> — reports due, drafts before their
/// session's cut-off, reviewers' opinions, corrections requested, installments due but not ordered — and writes
/// one notification per recipient to the outbox, under the key
/// <c>reminder:{kind}:{subjectId}:{recipientId}:{step}</c>. The key is unique in the outbox, so a sweep run
/// twice, stopped midway or run on two nodes never writes a reminder twice. Only the latest step that has come is
/// sent (docs/adr/0024-reminders.md). Writes in batches, each its own transaction.
/// </summary>
[Allow(Audience.System)]
public sealed record SweepReminders : ICommand<Result<ReminderSweepFigures>>, IManagesOwnTransactions;

/// <summary>What a sweep looked at (obligations still pending, per kind) and the reminders it wrote.</summary>
public sealed record ReminderSweepFigures(int Reports, int Drafts, int Reviews, int Corrections, int Payments, int Written)
{
    public int Scanned => Reports + Drafts + Reviews + Corrections + Payments;
}

internal sealed class SweepRemindersHandler(
    IPtceDbContext db, INotificationBulkWriter outbox, IUserDirectory users, TimeProvider clock, IOptions<PublicSiteOptions> site)
    : ICommandHandler<SweepReminders, Result<ReminderSweepFigures>>
{
    private const int BatchSize = 5000;

    private readonly List<DueReminder> _due = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public async ValueTask<Result<ReminderSweepFigures>> Handle(SweepReminders request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = now.Today();
        var calls = await db.Calls.AsNoTracking()
            .Select(c => new CallPolicy(c.Id, c.Title, c.Status, c.TimeZoneId, c.ReminderPolicy))
            .ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);
        var horizon = today.AddDays(calls.Count == 0 ? 0 : Math.Max(0, -calls.Values.Min(c => c.Policy.Earliest)));

        var reports = await Reports(calls, today, horizon, cancellationToken).ConfigureAwait(false);
        var drafts = await Drafts(calls, now, today, cancellationToken).ConfigureAwait(false);
        var reviews = await Reviews(calls, today, cancellationToken).ConfigureAwait(false);
        var corrections = await Corrections(calls, today, horizon, cancellationToken).ConfigureAwait(false);
        var payments = await Payments(calls, today, cancellationToken).ConfigureAwait(false);
        var written = await Write(now, cancellationToken).ConfigureAwait(false);
        return new ReminderSweepFigures(reports, drafts, reviews, corrections, payments, written);
    }

    private async Task<int> Reports(Dictionary<CallId, CallPolicy> calls, DateOnly today, DateOnly horizon, CancellationToken cancellationToken)
    {
        var pending = await (
                from report in db.Reports.AsNoTracking()
                where (report.State == ReportState.Pending || report.State == ReportState.Returned) && report.DueOn <= horizon
                join agreement in db.Agreements.AsNoTracking() on report.AgreementId equals agreement.Id
                select new { report.Id, report.AgreementId, report.Kind, report.YearNumber, report.DueOn, agreement.CallId, agreement.Title, agreement.LeadOrganisationId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var steps = pending
            .Select(r => (Report: r, Policy: calls[r.CallId].Policy, Step: calls[r.CallId].Policy.StepDue(r.DueOn, today)))
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
        var leads = await VerifiedUsers(leadIds, cancellationToken).ConfigureAwait(false);
        var leadNames = await OrganisationNames(leadIds, cancellationToken).ConfigureAwait(false);
        var officers = escalated.Count > 0 ? await Staff(Roles.ProgramOfficer).ConfigureAwait(false) : [];

        foreach (var (report, policy, step) in steps)
        {
            var offset = step!.Value;
            var label = ReminderText.Report(report.Kind, report.YearNumber);
            Dictionary<string, string> Data() => new()
            {
                ["report"] = label,
                ["title"] = report.Title,
                ["dueOn"] = FrenchFormat.Date(report.DueOn),
                ["when"] = ReminderText.When(report.DueOn, today),
                ["lead"] = leadNames.GetValueOrDefault(report.LeadOrganisationId, ""),
                ["link"] = site.Value.Link($"Conventions/Convention?id={report.AgreementId}"),
            };

            var template = offset > 0 ? NotificationTemplates.ReportOverdueReminder : NotificationTemplates.ReportDueReminder;
            foreach (var recipient in leads.GetValueOrDefault(report.LeadOrganisationId, []))
            {
                Add(ReminderKind.Report, report.Id.Value, recipient, report.DueOn, offset, template, Data);
            }

            if (policy.Escalates(offset))
            {
                var parties = funders[report.AgreementId];
                foreach (var officer in officers.Where(o => o.FunderId is { } funder && parties.Contains(funder)))
                {
                    Add(ReminderKind.Report, report.Id.Value, officer, report.DueOn, offset, NotificationTemplates.ReportOverdueEscalation, Data);
                }
            }
        }

        return pending.Count;
    }

    private async Task<int> Drafts(Dictionary<CallId, CallPolicy> calls, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        // The session a draft would join if submitted now (CommitteeSession.NextFor, as submission picks it); its cut-off is the deadline.
        var published = calls.Values.Where(c => c.Status == CallStatus.Published).Select(c => c.Id).ToList();
        var sessions = await db.CommitteeSessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Planned && published.Contains(s.CallId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var next = sessions.GroupBy(s => s.CallId)
            .Select(g => (CallId: g.Key, Session: CommitteeSession.NextFor(g, calls[g.Key].TimeZoneId, now)))
            .Where(n => n.Session is not null && calls[n.CallId].Policy.StepDue(n.Session.CutOffDate, today, BeforeDeadline) is not null)
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
        var leads = await VerifiedUsers([.. drafts.Select(d => d.LeadOrganisationId)], cancellationToken).ConfigureAwait(false);
        foreach (var draft in drafts)
        {
            var call = calls[draft.CallId];
            var session = next[draft.CallId];
            var offset = call.Policy.StepDue(session.CutOffDate, today, BeforeDeadline)!.Value;
            Dictionary<string, string> Data() => new()
            {
                ["title"] = draft.Title,
                ["call"] = call.Title,
                ["session"] = session.Name,
                ["dueOn"] = FrenchFormat.Date(session.CutOffDate),
                ["when"] = ReminderText.When(session.CutOffDate, today),
                ["link"] = site.Value.Link($"Portail/Candidatures/Dossier?id={draft.Id}"),
            };
            foreach (var recipient in leads.GetValueOrDefault(draft.LeadOrganisationId, []))
            {
                Add(ReminderKind.Draft, draft.Id.Value, recipient, session.CutOffDate, offset, NotificationTemplates.DraftDueReminder, Data);
            }
        }

        return drafts.Count;
    }

    private async Task<int> Reviews(Dictionary<CallId, CallPolicy> calls, DateOnly today, CancellationToken cancellationToken)
    {
        var pending = await (
                from assignment in db.ReviewerAssignments.AsNoTracking()
                where assignment.SubmittedAt == null && assignment.Declaration != ConflictDeclaration.Conflict
                join application in db.Applications.AsNoTracking() on assignment.ApplicationId equals application.Id
                where application.Status == ApplicationStatus.Submitted || application.Status == ApplicationStatus.CorrectionsRequested
                    || application.Status == ApplicationStatus.Complete || application.Status == ApplicationStatus.Eligible
                select new { assignment.Id, assignment.ReviewerId, assignment.AssignedBy, assignment.AssignedAt, application.CallId, application.Reference, application.Title })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var steps = pending
            .Select(r =>
            {
                var policy = calls[r.CallId].Policy;
                var due = new DateTimeOffset(DateTime.SpecifyKind(r.AssignedAt, DateTimeKind.Utc)).Today().AddDays(policy.ReviewDueAfterDays);
                return (Review: r, Policy: policy, DueOn: due, Step: policy.StepDue(due, today));
            })
            .Where(r => r.Step is not null)
            .ToList();
        var people = await Accounts([.. steps.SelectMany(s => new[] { s.Review.ReviewerId, s.Review.AssignedBy })], cancellationToken).ConfigureAwait(false);
        foreach (var (review, policy, dueOn, step) in steps)
        {
            var offset = step!.Value;
            var reviewer = people.GetValueOrDefault(review.ReviewerId);
            Dictionary<string, string> Data() => new()
            {
                ["reference"] = review.Reference ?? "",
                ["title"] = review.Title,
                ["reviewer"] = reviewer?.Name ?? "",
                ["dueOn"] = FrenchFormat.Date(dueOn),
                ["when"] = ReminderText.When(dueOn, today),
                ["link"] = site.Value.Link($"Expertise/Dossier?id={review.Id}"),
            };
            if (reviewer is not null)
            {
                Add(ReminderKind.Review, review.Id.Value, reviewer, dueOn, offset, offset > 0 ? NotificationTemplates.ReviewOverdueReminder : NotificationTemplates.ReviewDueReminder, Data);
            }

            if (policy.Escalates(offset) && people.GetValueOrDefault(review.AssignedBy) is { } officer)
            {
                Add(ReminderKind.Review, review.Id.Value, officer, dueOn, offset, NotificationTemplates.ReviewOverdueEscalation, () =>
                {
                    var data = Data();
                    data["link"] = site.Value.Link($"Instruction/Dossier?id={review.Id}");
                    return data;
                });
            }
        }

        return pending.Count;
    }

    private async Task<int> Corrections(Dictionary<CallId, CallPolicy> calls, DateOnly today, DateOnly horizon, CancellationToken cancellationToken)
    {
        var pending = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.CorrectionsRequested && a.CorrectionsDueOn != null && a.CorrectionsDueOn <= horizon)
            .Select(a => new { a.Id, a.CallId, a.Reference, a.Title, a.LeadOrganisationId, a.AssignedOfficerId, DueOn = a.CorrectionsDueOn!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var steps = pending
            .Select(a => (Application: a, Policy: calls[a.CallId].Policy, Step: calls[a.CallId].Policy.StepDue(a.DueOn, today)))
            .Where(a => a.Step is not null)
            .ToList();
        var leads = await VerifiedUsers([.. steps.Select(s => s.Application.LeadOrganisationId)], cancellationToken).ConfigureAwait(false);
        var leadNames = await OrganisationNames([.. steps.Select(s => s.Application.LeadOrganisationId)], cancellationToken).ConfigureAwait(false);
        var officers = await Accounts([.. steps.Where(s => s.Application.AssignedOfficerId is not null).Select(s => s.Application.AssignedOfficerId!.Value)], cancellationToken).ConfigureAwait(false);
        foreach (var (application, policy, step) in steps)
        {
            var offset = step!.Value;
            Dictionary<string, string> Data() => new()
            {
                ["reference"] = application.Reference ?? "",
                ["title"] = application.Title,
                ["lead"] = leadNames.GetValueOrDefault(application.LeadOrganisationId, ""),
                ["dueOn"] = FrenchFormat.Date(application.DueOn),
                ["when"] = ReminderText.When(application.DueOn, today),
                ["link"] = site.Value.Link($"Portail/Candidatures/Dossier?id={application.Id}"),
            };
            var template = offset > 0 ? NotificationTemplates.CorrectionsOverdueReminder : NotificationTemplates.CorrectionsDueReminder;
            foreach (var recipient in leads.GetValueOrDefault(application.LeadOrganisationId, []))
            {
                Add(ReminderKind.Corrections, application.Id.Value, recipient, application.DueOn, offset, template, Data);
            }

            if (policy.Escalates(offset) && application.AssignedOfficerId is { } officerId && officers.GetValueOrDefault(officerId) is { } officer)
            {
                Add(ReminderKind.Corrections, application.Id.Value, officer, application.DueOn, offset, NotificationTemplates.CorrectionsOverdueEscalation, () =>
                {
                    var data = Data();
                    data["link"] = site.Value.Link($"Instruction/Dossier?id={application.Id}");
                    return data;
                });
            }
        }

        return pending.Count;
    }

    private async Task<int> Payments(Dictionary<CallId, CallPolicy> calls, DateOnly today, CancellationToken cancellationToken)
    {
        // Due = planned, its date come, released, and its agreement's payments not held (Installment.StatusOn).
        var candidates = await (
                from installment in db.Installments.AsNoTracking().Where(Installment.Due.On(today))
                join agreement in db.Agreements.AsNoTracking() on installment.AgreementId equals agreement.Id
                where agreement.Status == AgreementStatus.Signed || agreement.Status == AgreementStatus.Active || agreement.Status == AgreementStatus.Completed
                select new { installment.Id, installment.AgreementId, installment.FunderId, installment.Year, installment.Kind, installment.Amount, installment.CancelledAmount, installment.DueFrom, agreement.CallId, agreement.Title })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var held = await db.WithOverdueReports([.. candidates.Select(c => c.AgreementId).Distinct()], today, cancellationToken).ConfigureAwait(false);
        var due = candidates.Where(c => !held.Contains(c.AgreementId)).ToList();
        var steps = due
            .Select(i => (Installment: i, Step: calls[i.CallId].Policy.StepDue(i.DueFrom, today, OnOrAfterDeadline)))
            .Where(i => i.Step is not null)
            .ToList();
        if (steps.Count == 0)
        {
            return due.Count;
        }

        var finance = await Staff(Roles.FinanceOfficer).ConfigureAwait(false);
        var funders = await db.Funders.AsNoTracking().Select(f => new { f.Id, f.Name }).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);
        foreach (var (installment, step) in steps)
        {
            Dictionary<string, string> Data() => new()
            {
                ["installment"] = ReminderText.Installment(installment.Kind, installment.Year),
                ["amount"] = Money.Format(installment.Amount - installment.CancelledAmount),
                ["funder"] = funders.GetValueOrDefault(installment.FunderId, ""),
                ["title"] = installment.Title,
                ["dueOn"] = FrenchFormat.Date(installment.DueFrom),
                ["when"] = ReminderText.When(installment.DueFrom, today),
                ["link"] = site.Value.Link($"Finances/Convention?id={installment.AgreementId}"),
            };
            foreach (var officer in finance.Where(o => o.FunderId == installment.FunderId))
            {
                Add(ReminderKind.Payment, installment.Id.Value, officer, installment.DueFrom, step!.Value, NotificationTemplates.PaymentDueReminder, Data);
            }
        }

        return due.Count;
    }


    /// <summary>A draft is only reminded up to its cut-off: afterwards it would join the next session.</summary>
    private static bool BeforeDeadline(int offset) => offset <= 0;

    /// <summary>A payment is "due but not ordered" only from its date.</summary>
    private static bool OnOrAfterDeadline(int offset) => offset >= 0;

    private void Add(ReminderKind kind, Guid subjectId, Recipient recipient, DateOnly deadline, int offset, string template, Func<Dictionary<string, string>> data)
    {
        var key = Key(kind, subjectId, recipient.Id, ReminderPolicy.StepLabel(deadline, offset));
        if (_keys.Add(key))
        {
            _due.Add(new DueReminder(key, recipient, template, data));
        }
    }

    /// <summary>The outbox's deduplication key of a reminder: one per obligation, recipient and step.</summary>
    public static string Key(ReminderKind kind, Guid subjectId, Guid recipientId, string step) =>
        $"reminder:{kind.ToString().ToLowerInvariant()}:{subjectId}:{recipientId}:{step}";

    /// <summary>
    /// Writes what is not in the outbox yet, a batch at a time: one query for the keys already there, one bulk insert.
    /// Another sweep writing the same keys meanwhile makes the batch fail on the unique key: it is read again and retried.
    /// </summary>
    private async Task<int> Write(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var batch in _due.Chunk(BatchSize))
        {
            for (var attempt = 1; ; attempt++)
            {
                var keys = batch.Select(d => d.Key).ToList();
                var existing = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DeduplicationKey)).Select(n => n.DeduplicationKey)
                    .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
                var fresh = batch.Where(d => !existing.Contains(d.Key)).ToList();
                if (fresh.Count == 0)
                {
                    break;
                }

                var rows = fresh.Select(reminder =>
                {
                    var data = reminder.Data();
                    data["name"] = reminder.Recipient.Name;
                    return Notification.Create(
                        reminder.Recipient.Id, reminder.Recipient.Email, reminder.Template, NotificationTemplates.Render(reminder.Template, data),
                        NotificationChannels.EmailAndInApp, reminder.Key, now);
                }).ToList();

                try
                {
                    await outbox.Insert(rows, cancellationToken).ConfigureAwait(false);
                    written += rows.Count;
                    break;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Keys written concurrently by another sweep: read them again and write the rest.
                }
            }
        }

        return written;
    }

    private async Task<Dictionary<OrganisationId, List<Recipient>>> VerifiedUsers(HashSet<OrganisationId> organisations, CancellationToken cancellationToken)
    {
        if (organisations.Count == 0)
        {
            return [];
        }

        var ids = organisations.ToList();
        var rows = await (
                from membership in db.OrganisationMemberships.AsNoTracking()
                join account in db.Users.AsNoTracking() on membership.UserId equals account.Id
                where ids.Contains(membership.OrganisationId) && membership.Status == MembershipStatus.Verified && account.Email != null
                select new { membership.OrganisationId, account.Id, account.Email, account.DisplayName })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.OrganisationId)
            .ToDictionary(g => g.Key, g => g.Select(r => new Recipient(r.Id, r.Email!, r.DisplayName, null)).ToList());
    }

    private async Task<Dictionary<OrganisationId, string>> OrganisationNames(HashSet<OrganisationId> organisations, CancellationToken cancellationToken)
    {
        var ids = organisations.ToList();
        return ids.Count == 0
            ? []
            : await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<Guid, Recipient>> Accounts(HashSet<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToList();
        return ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null)
                .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.FunderId))
                .ToDictionaryAsync(u => u.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Staff of a role (few: read once, filtered by funder here).</summary>
    private async Task<List<Recipient>> Staff(string role) =>
        [.. (await users.InRole(role).ConfigureAwait(false))
            .Where(u => !string.IsNullOrEmpty(u.Email) && u.FunderId is not null)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.FunderId))];

    private sealed record CallPolicy(CallId Id, string Title, CallStatus Status, string TimeZoneId, ReminderPolicy Policy);

    private sealed record Recipient(Guid Id, string Email, string Name, Domain.Funders.FunderId? FunderId);

    private sealed record DueReminder(string Key, Recipient Recipient, string Template, Func<Dictionary<string, string>> Data);
}
