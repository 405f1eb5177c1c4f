namespace PtceFunding.Application.Reminders;

/// <summary>
/// The iCalendar file (RFC 5545) of the upcoming deadlines of the person whose secret calendar address holds
/// <paramref name="Token"/>: the address is the credential (public endpoint), an unknown or revoked one is not found.
/// Consortium users: their organisations' reports, drafts' session cut-offs and corrections; officers: reports of
/// their funder's agreements and corrections they requested; reviewers: opinions pending; finance: installments.
/// </summary>
// The secret token is the credential; the handler answers 404 for any other.
[Allow(Audience.Anyone)]
public sealed record GetCalendar(string Token) : IQuery<Result<string>>;

internal sealed class GetCalendarHandler(IPtceDbContext db, IUserDirectory users, TimeProvider clock, ILinks links)
    : IQueryHandler<GetCalendar, Result<string>>
{
    public static readonly Error UnknownFeed = Error.NotFound("calendar.not_found", "Ce calendrier n'existe pas ou a été révoqué.");

    public async ValueTask<Result<string>> Handle(GetCalendar request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 100)
        {
            return UnknownFeed;
        }

        var hash = CalendarTokens.Hash(request.Token);
        var userId = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.UserId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var account = userId is null ? null : await users.FindById(userId.Value).ConfigureAwait(false);
        if (account is null)
        {
            return UnknownFeed;
        }

        var roles = await users.RolesOf(account.Id).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var today = now.Today();
        var events = new List<CalendarEvent>();
        await Consortium(account.Id, now, today, events, cancellationToken).ConfigureAwait(false);
        if (roles.Contains(Roles.ProgramOfficer) && account.FunderId is { } funder)
        {
            await Officer(account.Id, funder, today, events, cancellationToken).ConfigureAwait(false);
        }

        if (roles.Contains(Roles.Reviewer))
        {
            await Reviewer(account.Id, today, events, cancellationToken).ConfigureAwait(false);
        }

        if (roles.Contains(Roles.FinanceOfficer) && account.FunderId is { } financeFunder)
        {
            await Finance(financeFunder, today, events, cancellationToken).ConfigureAwait(false);
        }

        var distinct = events.GroupBy(e => e.Uid).Select(g => g.First()).OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal);
        return ICalendar.Write("-//PtceFunding//Echeances//FR", "PtceFunding — mes échéances", now, distinct);
    }

    private async Task Consortium(Guid userId, DateTimeOffset now, DateOnly today, List<CalendarEvent> events, CancellationToken cancellationToken)
    {
        var organisations = await db.OrganisationMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.Verified).Select(m => m.OrganisationId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (organisations.Count == 0)
        {
            return;
        }

        // Reports of the agreements whose current lead member is one of mine.
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.Status != AgreementStatus.Draft && organisations.Contains(a.LeadOrganisationId))
            .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken).ConfigureAwait(false);
        await Reports([.. agreements.Keys], agreements, today, events, cancellationToken).ConfigureAwait(false);

        var applications = await db.Applications.AsNoTracking()
            .Where(a => organisations.Contains(a.LeadOrganisationId) && (a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.CorrectionsRequested))
            .Select(a => new { a.Id, a.CallId, a.Status, a.Title, a.Reference, a.CorrectionsDueOn })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var correction in applications.Where(a => a.Status == ApplicationStatus.CorrectionsRequested && a.CorrectionsDueOn >= today))
        {
            events.Add(Corrections(correction.Id, correction.Reference, correction.Title, correction.CorrectionsDueOn!.Value, links.ApplicationFile));
        }

        var draftCalls = applications.Where(a => a.Status == ApplicationStatus.Draft).Select(a => a.CallId).Distinct().ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => draftCalls.Contains(c.Id) && c.Status == CallStatus.Published)
            .Select(c => new { c.Id, c.TimeZoneId }).ToDictionaryAsync(c => c.Id, c => c.TimeZoneId, cancellationToken).ConfigureAwait(false);
        var callIds = calls.Keys.ToList();
        var sessions = (await db.CommitteeSessions.AsNoTracking().Where(s => callIds.Contains(s.CallId) && s.Status == SessionStatus.Planned)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(s => s.CallId)
            .ToDictionary(g => g.Key, g => CommitteeSession.NextFor(g, calls[g.Key], now));
        foreach (var draft in applications.Where(a => a.Status == ApplicationStatus.Draft))
        {
            if (sessions.GetValueOrDefault(draft.CallId) is { } session)
            {
                events.Add(new CalendarEvent(
                    Uid("draft", draft.Id.Value, session.CutOffDate), session.CutOffDate,
                    $"Date limite de dépôt : candidature « {draft.Title} » (session « {session.Name} »)",
                    "Dernier jour pour déposer la candidature afin qu'elle soit examinée à cette session.",
                    links.ApplicationFile(draft.Id)));
            }
        }
    }

    private async Task Officer(Guid userId, Domain.Funders.FunderId funder, DateOnly today, List<CalendarEvent> events, CancellationToken cancellationToken)
    {
        // A signed agreement's funders are those with installments (the terms themselves are JSON).
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.Status != AgreementStatus.Draft && db.Installments.Any(i => i.AgreementId == a.Id && i.FunderId == funder))
            .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken).ConfigureAwait(false);
        await Reports([.. agreements.Keys], agreements, today, events, cancellationToken).ConfigureAwait(false);

        var requested = await db.Applications.AsNoTracking()
            .Where(a => a.AssignedOfficerId == userId && a.Status == ApplicationStatus.CorrectionsRequested && a.CorrectionsDueOn >= today)
            .Select(a => new { a.Id, a.Title, a.Reference, DueOn = a.CorrectionsDueOn!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        events.AddRange(requested.Select(a => Corrections(a.Id, a.Reference, a.Title, a.DueOn, links.Instruction)));
    }

    private async Task Reviewer(Guid userId, DateOnly today, List<CalendarEvent> events, CancellationToken cancellationToken)
    {
        var pending = await (
                from assignment in db.ReviewerAssignments.AsNoTracking()
                where assignment.ReviewerId == userId && assignment.SubmittedAt == null && assignment.Declaration != ConflictDeclaration.Conflict
                join application in db.Applications.AsNoTracking() on assignment.ApplicationId equals application.Id
                where application.Status == ApplicationStatus.Submitted || application.Status == ApplicationStatus.CorrectionsRequested
                    || application.Status == ApplicationStatus.Complete || application.Status == ApplicationStatus.Eligible
                join call in db.Calls.AsNoTracking() on application.CallId equals call.Id
                select new { assignment.Id, assignment.AssignedAt, application.Reference, application.Title, call.ReminderPolicy })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var review in pending)
        {
            var dueOn = new DateTimeOffset(DateTime.SpecifyKind(review.AssignedAt, DateTimeKind.Utc)).Today()
                .AddDays(review.ReminderPolicy.ReviewDueAfterDays);
            if (dueOn >= today)
            {
                events.Add(new CalendarEvent(
                    Uid("review", review.Id.Value, dueOn), dueOn, $"Avis d'expert à remettre : dossier {review.Reference} « {review.Title} »", null,
                    links.Expertise(review.Id)));
            }
        }
    }

    private async Task Finance(Domain.Funders.FunderId funder, DateOnly today, List<CalendarEvent> events, CancellationToken cancellationToken)
    {
        var installments = await (
                from installment in db.Installments.AsNoTracking()
                where installment.FunderId == funder && installment.State == InstallmentState.Planned && installment.DueFrom >= today
                join agreement in db.Agreements.AsNoTracking() on installment.AgreementId equals agreement.Id
                select new { installment.Id, installment.AgreementId, installment.Kind, installment.Year, installment.Amount, installment.CancelledAmount, installment.DueFrom, agreement.Title })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        events.AddRange(installments.Select(i => new CalendarEvent(
            Uid("payment", i.Id.Value, i.DueFrom), i.DueFrom,
            $"Échéance payable : {ReminderText.Installment(i.Kind, i.Year)} de {Money.Format(i.Amount - i.CancelledAmount)} — convention « {i.Title} »",
            "Payable à partir de ce jour, une fois ses conditions remplies.",
            links.AgreementFinances(i.AgreementId))));
    }

    private async Task Reports(List<AgreementId> agreementIds, Dictionary<AgreementId, string> titles, DateOnly today, List<CalendarEvent> events, CancellationToken cancellationToken)
    {
        if (agreementIds.Count == 0)
        {
            return;
        }

        var reports = await db.Reports.AsNoTracking()
            .Where(r => agreementIds.Contains(r.AgreementId) && (r.State == ReportState.Pending || r.State == ReportState.Returned) && r.DueOn >= today)
            .Select(r => new { r.Id, r.AgreementId, r.Kind, r.YearNumber, r.DueOn })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        events.AddRange(reports.Select(r => new CalendarEvent(
            Uid("report", r.Id.Value, r.DueOn), r.DueOn,
            $"{Capitalised(ReminderText.Report(r.Kind, r.YearNumber))} à déposer — convention « {titles[r.AgreementId]} »",
            "Dernier jour pour déposer le compte rendu ; en retard, il suspend les versements de la convention.",
            links.Agreement(r.AgreementId))));
    }

    private static CalendarEvent Corrections(FundingApplicationId id, string? reference, string title, DateOnly dueOn, Func<FundingApplicationId, string> page) => new(
        Uid("corrections", id.Value, dueOn), dueOn, $"Corrections à déposer : dossier {reference} « {title} »", null, page(id));

    /// <summary>Stable per deadline: the same obligation and due date give the same UID (a new due date, a new event).</summary>
    private static string Uid(string kind, Guid subjectId, DateOnly deadline) => $"{kind}-{subjectId}-{deadline:yyyyMMdd}@ptcefunding";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
