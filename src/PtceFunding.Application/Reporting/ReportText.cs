namespace PtceFunding.Application.Reporting;

/// <summary>French labels of reports.</summary>
public static class ReportText
{
    public static string StatusLabel(ReportStatus status) => status switch
    {
        ReportStatus.Upcoming => "À venir",
        ReportStatus.Open => "À déposer",
        ReportStatus.Overdue => "En retard",
        ReportStatus.Submitted => "Déposé",
        ReportStatus.Returned => "À compléter",
        ReportStatus.Approved => "Approuvé",
        ReportStatus.Rejected => "Rejeté",
        ReportStatus.Waived => "Plus dû",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The DSFR badge modifier of a status, returned by the API as statusBadge; the pages use it through the Web presentation kit.</summary>
    public static string StatusBadge(ReportStatus status) => status switch
    {
        ReportStatus.Approved => "fr-badge--success",
        ReportStatus.Overdue or ReportStatus.Rejected => "fr-badge--error",
        ReportStatus.Returned or ReportStatus.Open => "fr-badge--warning",
        ReportStatus.Submitted => "fr-badge--info",
        ReportStatus.Upcoming => "fr-badge--new",
        ReportStatus.Waived => "",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string OutcomeLabel(ReportState outcome) => outcome switch
    {
        ReportState.Returned => "Renvoyé pour compléments",
        ReportState.Approved => "Approuvé",
        ReportState.Rejected => "Rejeté",
        ReportState.Pending => "En attente",
        ReportState.Submitted => "Déposé",
        ReportState.Waived => "Plus dû",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>"Compte rendu d'activité 2028 (année 1)" or "Bilan final".</summary>
    public static string Title(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.YearNumber is { } year
            ? $"{Report.KindLabel(report.Kind)} — année {year} ({report.PeriodStart:dd/MM/yyyy} au {report.PeriodEnd:dd/MM/yyyy})"
            : Report.KindLabel(report.Kind);
    }
}
