using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Application.Notifications;
using PtceFunding.Application.Users;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// A verified user of the agreement's lead member submits the report: every indicator has a value and every required
/// attachment is there, else 422 <c>report.incomplete</c> lists every failure at once. Late filing is allowed (it ends
/// the hold on payments). The program officers of the agreement's funder parties are notified: the report awaits their review.
/// </summary>
public sealed record SubmitReport(Guid ReportId, int ExpectedVersion) : ICommand<Result<ReportChanged>>;

internal sealed class SubmitReportValidator : AbstractValidator<SubmitReport>
{
    public SubmitReportValidator() =>
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
}

internal sealed class SubmitReportAuthorizer(ICurrentUser user) : IAuthorizer<SubmitReport>
{
    public Task<Result> Authorize(SubmitReport request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.Applicant));
}

internal sealed class SubmitReportHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, UserManager<AppUser> users, IOptions<PublicSiteOptions> site)
    : IRequestHandler<SubmitReport, Result<ReportChanged>>
{
    public async Task<Result<ReportChanged>> Handle(SubmitReport request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForLeadMember(user, request.ReportId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (report, agreement) = found.Value;
        if (report.Version != request.ExpectedVersion)
        {
            return Concurrency.Stale(report.Version);
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
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ReportChanged.Of(report, DateOnly.FromDateTime(now.UtcDateTime));
    }
}
