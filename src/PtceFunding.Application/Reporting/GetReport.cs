using PtceFunding.Application.Applications;
using PtceFunding.Application.Documents;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// One report for whoever sees its agreement: its period and due date, the indicators with baseline, target and the
/// value given, the required attachments, the reviews, and what the caller may do with it today.
/// </summary>
[Allow(Audience.AgreementReaders)]
public sealed record GetReport(Guid ReportId) : IQuery<Result<ReportView>>;

public sealed record ReportView(
    Guid Id,
    Guid AgreementId,
    string AgreementTitle,
    string Title,
    ReportKind Kind,
    string KindLabel,
    int? YearNumber,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly OpensOn,
    DateOnly DueOn,
    DateOnly OriginalDueOn,
    ReportStatus Status,
    string StatusLabel,
    string StatusBadge,
    IReadOnlyList<ReportIndicatorView> Indicators,
    IReadOnlyList<RequiredAttachmentView> RequiredAttachments,
    IReadOnlyList<ReportReviewView> Reviews,
    DateTime? SubmittedAt,
    bool CanFile,
    bool CanReview,
    int Version);

/// <summary>An indicator of the report: its label and unit (from the call), baseline, the period's target and the value given, if any.</summary>
public sealed record ReportIndicatorView(string Code, string Label, string Unit, decimal Baseline, decimal? Target, decimal? Value);

/// <summary>A required attachment type and the file given for it, if any.</summary>
public sealed record RequiredAttachmentView(string Type, string Label, ReportAttachmentView? Attachment);

public sealed record ReportAttachmentView(Guid Id, string Type, string FileName, string ContentType, long Size, string SizeLabel, DateTime UploadedAt);

public sealed record ReportReviewView(ReportState Outcome, string OutcomeLabel, string? Comments, DateOnly? NewDueOn, string ReviewedBy, DateTime ReviewedAt);

internal sealed class GetReportHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetReport, Result<ReportView>>
{
    public async ValueTask<Result<ReportView>> Handle(GetReport request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForReader(user, request.ReportId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (report, agreement) = found.Value;
        var today = clock.Today();
        var definitions = await IndicatorDefinitions.Of(db, agreement, cancellationToken).ConfigureAwait(false);
        var reviewerIds = report.Reviews.Select(r => r.ReviewedBy).Distinct().ToList();
        var reviewers = await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        var files = user.IsInRole(Roles.Applicant)
            && user.UserId is { } userId
            && await db.IsVerifiedFor(userId, agreement.LeadOrganisationId, cancellationToken).ConfigureAwait(false);
        var status = report.StatusOn(today);
        return new ReportView(
            report.Id.Value,
            agreement.Id.Value,
            agreement.Title,
            ReportText.Title(report),
            report.Kind,
            Report.KindLabel(report.Kind),
            report.YearNumber,
            report.PeriodStart,
            report.PeriodEnd,
            report.OpensOn,
            report.DueOn,
            report.OriginalDueOn,
            status,
            ReportText.StatusLabel(status),
            ReportText.StatusBadge(status),
            [.. report.Indicators.Select(i =>
            {
                var definition = definitions.GetValueOrDefault(i.Code);
                return new ReportIndicatorView(i.Code, definition?.Label ?? i.Code, definition?.Unit ?? "", i.Baseline, i.Target, report.Values.FirstOrDefault(v => v.Code == i.Code)?.Value);
            })],
            [.. report.RequiredAttachments.Select(t =>
            {
                var attachment = report.Attachments.FirstOrDefault(a => a.Type == t);
                return new RequiredAttachmentView(t, Report.AttachmentLabel(t), attachment is null ? null : AttachmentView(attachment));
            })],
            [.. report.Reviews.Select(r => new ReportReviewView(r.Outcome, ReportText.OutcomeLabel(r.Outcome), r.Comments, r.NewDueOn, reviewers.GetValueOrDefault(r.ReviewedBy, ""), r.ReviewedAt))],
            report.SubmittedAt,
            files && report.IsFileableOn(today),
            report.State == ReportState.Submitted && user.ReviewsFor(agreement),
            report.Version);
    }

    internal static ReportAttachmentView AttachmentView(ReportAttachment attachment) =>
        new(attachment.Id, attachment.Type, attachment.FileName, attachment.ContentType, attachment.Size, DocumentIntake.FormatSize(attachment.Size), attachment.UploadedAt);
}
