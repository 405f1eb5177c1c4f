namespace PtceFunding.Application.Reporting;

/// <summary>A report after a command: its status of the day, due date and new version.</summary>
public sealed record ReportChanged(Guid Id, ReportState State, ReportStatus Status, string StatusLabel, DateOnly DueOn, int Version)
{
    public static ReportChanged Of(Report report, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = report.StatusOn(today);
        return new ReportChanged(report.Id.Value, report.State, status, ReportText.StatusLabel(status), report.DueOn, report.Version);
    }

    /// <summary>The report as saved once <paramref name="step"/> succeeded on it (its new version and status on <paramref name="today"/>); the step's error otherwise.</summary>
    public static Result<ReportChanged> After(IPtceDbContext db, Report report, Result step, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(step);
        if (!step.IsSuccess)
        {
            return step.Error!;
        }

        db.VersionOnceSaved(report);
        return Of(report, today);
    }
}
