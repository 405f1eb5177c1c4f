namespace PtceFunding.Application.Reporting;

/// <summary>
/// A program officer of a funder party, who sees the agreement, sends a submitted report back for changes, with comments
/// and a new due date after today: filing opens again and the report is overdue only after that date. The lead member's
/// verified users are notified.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record ReturnReport(Guid ReportId, string Comments, DateOnly NewDueOn, int? ExpectedVersion) : ICommand<Result<ReportChanged>>, IVersioned;

internal sealed class ReturnReportValidator : AbstractValidator<ReturnReport>
{
    public ReturnReportValidator()
    {
        RuleFor(c => c.Comments).NotEmpty().WithMessage("Dites ce qui doit être modifié.")
            .MaximumLength(4000).WithMessage("Les observations comptent au plus 4 000 caractères.");
    }
}

internal sealed class ReturnReportHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReturnReport, Result<ReportChanged>>
{
    public async ValueTask<Result<ReportChanged>> Handle(ReturnReport request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.FindReportForReviewer(user, request.ReportId, request, cancellationToken)
            .Then(found => ReportChanged.After(db, found.Report, found.Report.Return(request.Comments, request.NewDueOn, user.UserId!.Value, now), now.Today()))
            .ConfigureAwait(false);
    }
}
