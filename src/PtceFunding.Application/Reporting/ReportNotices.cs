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
    protected override async Task Handle(ReportReturned returned, CancellationToken cancellationToken)
    {
        var report = returned.Report;
        var agreement = await ReportNotices.AgreementOf(db, report, cancellationToken).ConfigureAwait(false);
        await db.NotifyVerifiedUsers(
            agreement.LeadOrganisationId,
            new Notices.ReportReturned(Title: agreement.Title, Report: ReportNotices.Named(report), Comments: report.Reviews[^1].Comments ?? "", DueOn: report.DueOn)
            {
                Link = links.Report(report.Id),
            },
            $"report-returned:{report.Id}:{report.Reviews.Count}",
            returned.At,
            cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class TellConsortiumOfRejectedReport(IPtceDbContext db, ILinks links) : DomainEventSubscriber<ReportRejected>
{
    protected override async Task Handle(ReportRejected rejected, CancellationToken cancellationToken)
    {
        var report = rejected.Report;
        var agreement = await ReportNotices.AgreementOf(db, report, cancellationToken).ConfigureAwait(false);
        await db.NotifyVerifiedUsers(
            agreement.LeadOrganisationId,
            new Notices.ReportRejected(Title: agreement.Title, Report: ReportNotices.Named(report), Reason: report.Reviews[^1].Comments ?? "") { Link = links.Report(report.Id) },
            $"report-rejected:{report.Id}",
            rejected.At,
            cancellationToken).ConfigureAwait(false);
    }
}

internal static class ReportNotices
{
    /// <summary>The report as a sentence names it: « le compte rendu d'activité de l'année 2 ».</summary>
    public static string Named(Report report)
    {
        var title = ReportText.Title(report);
        return title.Length == 0 ? title : char.ToLowerInvariant(title[0]) + title[1..];
    }

    public static async Task<(string Title, OrganisationId LeadOrganisationId)> AgreementOf(IPtceDbContext db, Report report, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == report.AgreementId).Select(a => new { a.Title, a.LeadOrganisationId })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        return (agreement.Title, agreement.LeadOrganisationId);
    }
}
