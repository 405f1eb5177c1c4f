namespace PtceFunding.Domain.Reporting;

/// <summary>
/// How reports gate payments:
/// <list type="bullet">
/// <item>an agreement's payments are held while one of its reports is overdue (past its due date and not submitted),
/// on top of the agreement not being in force (<see cref="Agreement.PaymentsHeld"/>);</item>
/// <item>once every report of an agreement year (activity and financial) is approved, that year's balances are released
/// (<see cref="Installment.Release"/>); once the final report is approved, the closing balances of an early termination are.</item>
/// </list>
/// </summary>
public static class ReportingRules
{
    public static bool PaymentsHeld(Agreement agreement, IEnumerable<Report> reports, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(reports);
        return agreement.PaymentsHeld || reports.Any(r => r.IsOverdueOn(today));
    }

    /// <summary>Releases the installments whose reports are now all approved; returns those it released.</summary>
    public static IReadOnlyList<Installment> ReleaseApproved(IReadOnlyList<Report> reports, IEnumerable<Installment> installments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(installments);
        var released = new List<Installment>();
        foreach (var installment in installments.Where(i => !i.IsReleased && i.State != InstallmentState.Cancelled))
        {
            var by = installment.Condition switch
            {
                ReleaseCondition.YearReportsApproved when YearApproved(reports, installment.Year) => $"Comptes rendus de l'année {installment.Year} approuvés",
                ReleaseCondition.FinalReportApproved when reports.Any(r => r.Kind == ReportKind.Final && r.State == ReportState.Approved) => "Bilan final approuvé",
                _ => null,
            };
            if (by is not null && installment.Release(by, now).IsSuccess)
            {
                released.Add(installment);
            }
        }

        return released;
    }

    /// <summary>
    /// Aligns the stored reports on the agreement's current obligations after an amendment or a termination: the
    /// reports of new years are created (returned, for the caller to add), those not yet submitted follow their
    /// period's new dates (the final report moves with the agreement's end), and those no longer owed (periods after an
    /// early termination) are waived. Reports already submitted or reviewed stay as they are.
    /// </summary>
    public static IReadOnlyList<Report> Align(Agreement agreement, IReadOnlyList<Report> reports, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(reports);
        var obligations = agreement.ReportingObligations;
        var added = new List<Report>();
        foreach (var obligation in obligations)
        {
            var report = reports.FirstOrDefault(r => r.Kind == obligation.Kind && r.YearNumber == obligation.YearNumber && r.State != ReportState.Waived);
            if (report is null)
            {
                added.Add(Report.Owed(agreement, obligation));
            }
            else
            {
                report.Realign(obligation);
            }
        }

        var reason = agreement.TerminatedOn is { } terminatedOn
            ? $"Convention résiliée au {terminatedOn:dd/MM/yyyy} : ce compte rendu n'est plus dû."
            : "Ce compte rendu n'est plus dû.";
        foreach (var report in reports.Where(r => r.State is ReportState.Pending or ReportState.Returned
            && obligations.All(o => o.Kind != r.Kind || o.YearNumber != r.YearNumber)))
        {
            report.Waive(reason, by, now);
        }

        return added;
    }

    private static bool YearApproved(IReadOnlyList<Report> reports, int year)
    {
        var ofYear = reports.Where(r => r.YearNumber == year && r.State != ReportState.Waived).ToList();
        return ofYear.Count > 0 && ofYear.All(r => r.State == ReportState.Approved);
    }
}
