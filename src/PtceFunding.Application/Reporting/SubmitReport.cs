using FluentValidation;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// A verified user of the agreement's lead member submits the report: every indicator has a value and every required
/// attachment is there, else 422 <c>report.incomplete</c> lists every failure at once. Late filing is allowed (it ends
/// the hold on payments).
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

internal sealed class SubmitReportHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SubmitReport, Result<ReportChanged>>
{
    public async Task<Result<ReportChanged>> Handle(SubmitReport request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForLeadMember(user, request.ReportId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var report = found.Value.Report;
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

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ReportChanged.Of(report, DateOnly.FromDateTime(now.UtcDateTime));
    }
}
