using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reporting;

// What people are told as a report moves: its agreement's officers when it is filed, the lead member's verified
// users when it is returned or rejected (approval tells them too, with the balances it releases: ApproveReport).

internal sealed class TellOfficersOfSubmittedReport(IPtceDbContext db, IUserDirectory users, ILinks links) : DomainEventSubscriber<ReportSubmitted>
{
    protected override async Task Handle(ReportSubmitted submitted, CancellationToken cancellationToken)
    {
        var report = submitted.Report;
        var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == report.AgreementId, cancellationToken).ConfigureAwait(false);
        var lead = await db.OrganisationName(agreement.LeadOrganisationId, cancellationToken).ConfigureAwait(false);
        await db.NotifyStaff(
            users,
            Roles.ProgramOfficer,
            [.. agreement.Funders.Select(f => f.FunderId)],
            new Notices.ReportSubmitted(Title: agreement.Title, Lead: lead.Length == 0 ? "Le chef de file" : lead, Report: ReportNotices.Named(report)) { Link = links.Report(report.Id) },
            $"report-submitted:{report.Id}:v{report.Version}",
            submitted.At,
            cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class TellConsortiumOfReturnedReport(IPtceDbContext db, ILinks links) : DomainEventSubscriber<ReportReturned>
{
    protected override Task Handle(ReportReturned returned, CancellationToken cancellationToken) =>
        db.TellLeadMember(
            returned.Report,
            title => new Notices.ReportReturned(
                Title: title, Report: ReportNotices.Named(returned.Report), Comments: returned.Report.Reviews[^1].Comments ?? "", DueOn: returned.Report.DueOn)
            {
                Link = links.Report(returned.Report.Id),
            },
            $"report-returned:{returned.Report.Id}:{returned.Report.Reviews.Count}",
            returned.At,
            cancellationToken);
}

internal sealed class TellConsortiumOfRejectedReport(IPtceDbContext db, ILinks links) : DomainEventSubscriber<ReportRejected>
{
    protected override Task Handle(ReportRejected rejected, CancellationToken cancellationToken) =>
        db.TellLeadMember(
            rejected.Report,
            title => new Notices.ReportRejected(Title: title, Report: ReportNotices.Named(rejected.Report), Reason: rejected.Report.Reviews[^1].Comments ?? "")
            {
                Link = links.Report(rejected.Report.Id),
            },
            $"report-rejected:{rejected.Report.Id}",
            rejected.At,
            cancellationToken);
}

internal static class ReportNotices
{
    /// <summary>The report as a sentence names it: « le compte rendu d'activité de l'année 2 ».</summary>
    public static string Named(Report report)
    {
        var title = ReportText.Title(report);
        return title.Length == 0 ? title : char.ToLowerInvariant(title[0]) + title[1..];
    }

    /// <summary>Writes the notice (given the agreement's title) to every verified user of the agreement's lead member.</summary>
    public static async Task TellLeadMember(
        this IPtceDbContext db, Report report, Func<string, Notice> notice, string deduplicationKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == report.AgreementId).Select(a => new { a.Title, a.LeadOrganisationId })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        await db.NotifyVerifiedUsers(agreement.LeadOrganisationId, notice(agreement.Title), deduplicationKey, at, cancellationToken).ConfigureAwait(false);
    }
}
