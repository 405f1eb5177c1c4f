namespace PtceFunding.Application.Reporting;

/// <summary>
/// A verified user of the agreement's lead member submits the report: every indicator has a value and every required
/// attachment is there, else 422 <c>report.incomplete</c> lists every failure at once. Late filing is allowed (it ends
/// the hold on payments). The program officers of the agreement's funder parties are notified: the report awaits their review.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record SubmitReport(Guid ReportId, int? ExpectedVersion) : ICommand<Result<ReportChanged>>, IVersioned;

internal sealed class SubmitReportHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitReport, Result<ReportChanged>>
{
    public async ValueTask<Result<ReportChanged>> Handle(SubmitReport request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.FindReportForLeadMember(user, request.ReportId, request, cancellationToken)
            .Then(found => ReportChanged.After(db, found.Report, found.Report.Submit(user.UserId!.Value, now), now.Today()))
            .ConfigureAwait(false);
    }
}
