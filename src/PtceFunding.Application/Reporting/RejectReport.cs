namespace PtceFunding.Application.Reporting;

/// <summary>
/// A program officer of a funder party, who sees the agreement, rejects a submitted report with its reason. A year's
/// report rejected means that year's funding is not justified (<see cref="PaymentSchedule.RejectYear"/>): its unpaid
/// installments are cancelled and what each funder paid for it becomes a recovery order. The lead member's verified
/// users are notified.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record RejectReport(Guid ReportId, string Reason, int? ExpectedVersion) : ICommand<Result<ReportChanged>>, IVersioned;

internal sealed class RejectReportValidator : AbstractValidator<RejectReport>
{
    public RejectReportValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Indiquez le motif du rejet.")
            .MaximumLength(4000).WithMessage("Le motif compte au plus 4 000 caractères.");
    }
}

internal sealed class RejectReportHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RejectReport, Result<ReportChanged>>
{
    public async ValueTask<Result<ReportChanged>> Handle(RejectReport request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForReviewer(user, request.ReportId, request, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (report, agreement) = found.Value;
        var now = clock.GetUtcNow();
        var rejected = report.Reject(request.Reason, user.UserId!.Value, now);
        if (!rejected.IsSuccess)
        {
            return rejected.Error;
        }

        if (report.YearNumber is { } year)
        {
            // The year's funding is not justified: its unpaid installments are cancelled, what was paid for it is claimed back.
            var installments = await db.Installments.Include(i => i.Payments).Where(i => i.AgreementId == agreement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var recoveries = await db.RecoveryOrders.Where(r => r.AgreementId == agreement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var change = PaymentSchedule.RejectYear(agreement, installments, recoveries, year, $"{Report.KindLabel(report.Kind)} de l'année {year} rejeté", now);
            db.RecoveryOrders.AddRange(change.Recoveries);
        }

        db.VersionOnceSaved(report);
        return ReportChanged.Of(report, now.Today());
    }
}
