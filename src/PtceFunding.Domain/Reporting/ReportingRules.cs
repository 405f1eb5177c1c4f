using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;

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

    private static bool YearApproved(IReadOnlyList<Report> reports, int year)
    {
        var ofYear = reports.Where(r => r.YearNumber == year).ToList();
        return ofYear.Count > 0 && ofYear.All(r => r.State == ReportState.Approved);
    }
}
