using PtceFunding.Application.Access;
using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// Who reads, files and reviews a report: whoever sees its agreement reads it (<see cref="AgreementAccess.Sees"/>);
/// the verified users of the agreement's current lead member file it; the program officers who see the agreement and
/// whose funder is a party to it review it. Anyone else is told it does not exist.
/// </summary>
public static class ReportAccess
{
    public static readonly Error NotFound = Error.NotFound("report.not_found", "Ce compte rendu n'existe pas.");

    /// <summary>The report (untracked) and its agreement, for a reader of the agreement.</summary>
    public static async Task<Result<(Report Report, Agreement Agreement)>> FindReportForReader(
        this IPtceDbContext db, ICurrentUser user, Guid reportId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == new ReportId(reportId), cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return NotFound;
        }

        var agreement = await db.Agreements.AsNoTracking().FirstAsync(a => a.Id == report.AgreementId, cancellationToken).ConfigureAwait(false);
        return await db.Sees(user, agreement, cancellationToken).ConfigureAwait(false) ? (report, agreement) : NotFound;
    }

    /// <summary>
    /// The report (tracked) and its agreement, for a verified user of the agreement's lead member; with
    /// <paramref name="edit"/>, only as that command read it (else the stale-version error).
    /// </summary>
    public static async Task<Result<(Report Report, Agreement Agreement)>> FindReportForLeadMember(
        this IPtceDbContext db, ICurrentUser user, Guid reportId, IVersioned? edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.UserId is not { } userId || !user.IsInRole(Roles.Applicant))
        {
            return NotFound;
        }

        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == new ReportId(reportId), cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return NotFound;
        }

        var agreement = await db.Agreements.AsNoTracking().FirstAsync(a => a.Id == report.AgreementId, cancellationToken).ConfigureAwait(false);
        return !await db.IsVerifiedFor(userId, agreement.LeadOrganisationId, cancellationToken).ConfigureAwait(false) ? NotFound
            : edit is not null && db.VersionConflict(report, edit) is { } conflict ? conflict
            : (report, agreement);
    }

    /// <summary>
    /// The report (tracked) and its agreement (tracked), for a program officer who sees the agreement (else not found)
    /// and whose funder is a party to it (else refused), as <paramref name="edit"/> read it (else the stale-version error).
    /// </summary>
    public static async Task<Result<(Report Report, Agreement Agreement)>> FindReportForReviewer(
        this IPtceDbContext db, ICurrentUser user, Guid reportId, IVersioned edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == new ReportId(reportId), cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return NotFound;
        }

        var found = await db.FindAgreementForOfficer(user, report.AgreementId.Value, tracked: true, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error.Kind == ErrorKind.NotFound ? NotFound : found.Error;
        }

        return db.VersionConflict(report, edit) is { } conflict ? conflict : (report, found.Value.Agreement);
    }

    /// <summary>Whether the user reviews this agreement's reports: a program officer of a funder party (who sees it).</summary>
    public static bool ReviewsFor(this ICurrentUser user, Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(agreement);
        return user.IsInRole(Roles.ProgramOfficer) && user.FunderId is { } funderId && agreement.Funders.Any(f => f.FunderId == funderId);
    }
}
