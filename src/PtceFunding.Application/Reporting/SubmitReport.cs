using Microsoft.Extensions.Options;
using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// A verified user of the agreement's lead member submits the report: every indicator has a value and every required
/// attachment is there, else 422 <c>report.incomplete</c> lists every failure at once. Late filing is allowed (it ends
/// the hold on payments). The program officers of the agreement's funder parties are notified: the report awaits their review.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record SubmitReport(Guid ReportId, int? ExpectedVersion) : ICommand<Result<ReportChanged>>, IVersioned;

internal sealed class SubmitReportHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, IUserDirectory users, IOptions<PublicSiteOptions> site)
    : ICommandHandler<SubmitReport, Result<ReportChanged>>
{
    public async ValueTask<Result<ReportChanged>> Handle(SubmitReport request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForLeadMember(user, request.ReportId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (report, agreement) = found.Value;
        if (db.VersionConflict(report, request) is { } conflict)
        {
            return conflict;
        }

        var now = clock.GetUtcNow();
        var submitted = report.Submit(user.UserId!.Value, now);
        if (!submitted.IsSuccess)
        {
            return submitted.Error;
        }

        var lead = await db.Organisations.AsNoTracking().Where(o => o.Id == agreement.LeadOrganisationId).Select(o => o.Name)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        await db.NotifyStaff(
            users,
            Roles.ProgramOfficer,
            [.. agreement.Funders.Select(f => f.FunderId)],
            NotificationTemplates.ReportSubmitted,
            ReportNotices.Data(report, agreement, site.Value, new() { ["lead"] = lead ?? "Le chef de file" }),
            $"report-submitted:{report.Id}:v{request.ExpectedVersion}",
            now,
            cancellationToken).ConfigureAwait(false);
        db.VersionOnceSaved(report);
        return ReportChanged.Of(report, now.Today());
    }
}
