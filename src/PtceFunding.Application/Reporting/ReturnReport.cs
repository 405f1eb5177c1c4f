using FluentValidation;
using Microsoft.Extensions.Options;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Application.Notifications;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// A program officer of a funder party, who sees the agreement, sends a submitted report back for changes, with comments
/// and a new due date after today: filing opens again and the report is overdue only after that date. The lead member's
/// verified users are notified.
/// </summary>
public sealed record ReturnReport(Guid ReportId, string Comments, DateOnly NewDueOn, int ExpectedVersion) : ICommand<Result<ReportChanged>>;

internal sealed class ReturnReportValidator : AbstractValidator<ReturnReport>
{
    public ReturnReportValidator()
    {
        RuleFor(c => c.Comments).NotEmpty().WithMessage("Dites ce qui doit être modifié.")
            .MaximumLength(4000).WithMessage("Les observations comptent au plus 4 000 caractères.");
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
    }
}

internal sealed class ReturnReportAuthorizer(ICurrentUser user) : IAuthorizer<ReturnReport>
{
    public Task<Result> Authorize(ReturnReport request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.ProgramOfficer));
}

internal sealed class ReturnReportHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, IOptions<PublicSiteOptions> site)
    : IRequestHandler<ReturnReport, Result<ReportChanged>>
{
    public async Task<Result<ReportChanged>> Handle(ReturnReport request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForReviewer(user, request.ReportId, cancellationToken).ConfigureAwait(false);
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
        var returned = report.Return(request.Comments, request.NewDueOn, user.UserId!.Value, now);
        if (!returned.IsSuccess)
        {
            return returned.Error;
        }

        await db.NotifyVerifiedUsers(
            agreement.LeadOrganisationId,
            NotificationTemplates.ReportReturned,
            ReportNotices.Data(report, agreement, site.Value, new() { ["comments"] = report.Reviews[^1].Comments ?? "", ["dueOn"] = FrenchFormat.Date(report.DueOn) }),
            $"report-returned:{report.Id}:{report.Reviews.Count}",
            now,
            cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ReportChanged.Of(report, DateOnly.FromDateTime(now.UtcDateTime));
    }
}
