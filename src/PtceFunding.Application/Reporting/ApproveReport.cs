using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// A program officer of a funder party, who sees the agreement, approves a submitted report. Once every report of an
/// agreement year is approved, that year's balances are released (<see cref="ReportingRules.ReleaseApproved"/>), and the
/// closing balances of an early termination once the final report is. The lead member's verified users are notified,
/// with the balances released, and the finance officers of the funder of each balance released (it can now be ordered).
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record ApproveReport(Guid ReportId, int? ExpectedVersion) : ICommand<Result<ApprovedReport>>, IVersioned;

/// <summary>The report after its approval and the installments it released (id, funder, year, amount).</summary>
public sealed record ApprovedReport(ReportChanged Report, IReadOnlyList<ReleasedInstallment> Released);

public sealed record ReleasedInstallment(Guid Id, Guid FunderId, int Year, decimal Amount);

internal sealed class ApproveReportHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, ILinks links, IUserDirectory users)
    : ICommandHandler<ApproveReport, Result<ApprovedReport>>
{
    public async ValueTask<Result<ApprovedReport>> Handle(ApproveReport request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForReviewer(user, request.ReportId, request, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (report, agreement) = found.Value;
        var now = clock.GetUtcNow();
        var approved = report.Approve(user.UserId!.Value, now);
        if (!approved.IsSuccess)
        {
            return approved.Error;
        }

        // The report itself is tracked already: the query returns that very instance among the others.
        var reports = await db.Reports.Where(r => r.AgreementId == agreement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var installments = await db.Installments.Where(i => i.AgreementId == agreement.Id && i.State == InstallmentState.Planned)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var released = ReportingRules.ReleaseApproved(reports, installments, now);

        await db.NotifyVerifiedUsers(
            agreement.LeadOrganisationId,
            new Notices.ReportApproved(
                Title: agreement.Title,
                Report: ReportNotices.Named(report),
                Released: released.Count == 0
                    ? "Aucun solde n'est débloqué à ce stade : il l'est quand tous les comptes rendus de l'année sont approuvés."
                    : $"Le solde de {Money.Format(released.Sum(i => i.Amount - i.CancelledAmount))} est débloqué et peut être mis en paiement.")
            {
                Link = links.Report(report.Id),
            },
            $"report-approved:{report.Id}",
            now,
            cancellationToken).ConfigureAwait(false);
        await NotifyFinance(agreement, released, now, cancellationToken).ConfigureAwait(false);
        db.VersionOnceSaved(report);
        return new ApprovedReport(
            ReportChanged.Of(report, now.Today()),
            [.. released.Select(i => new ReleasedInstallment(i.Id.Value, i.FunderId.Value, i.Year, i.OwedAmount))]);
    }

    /// <summary>Tells the finance officers of each released balance's funder that it can be ordered.</summary>
    private async Task NotifyFinance(Domain.Agreements.Agreement agreement, IReadOnlyList<Installment> released, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (released.Count == 0)
        {
            return;
        }

        var funderIds = released.Select(i => i.FunderId).Distinct().ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);
        var lead = await db.Organisations.AsNoTracking().Where(o => o.Id == agreement.LeadOrganisationId).Select(o => o.Name)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        foreach (var installment in released)
        {
            await db.NotifyStaff(
                users,
                Roles.FinanceOfficer,
                [installment.FunderId],
                new Notices.BalanceReleased(
                    Title: agreement.Title,
                    Year: installment.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Lead: lead ?? "",
                    Amount: Money.Format(installment.OwedAmount),
                    Funder: funders.GetValueOrDefault(installment.FunderId, ""))
                {
                    Link = links.AgreementFinances(agreement.Id),
                },
                $"balance-released:{installment.Id}",
                now,
                cancellationToken).ConfigureAwait(false);
        }
    }
}
