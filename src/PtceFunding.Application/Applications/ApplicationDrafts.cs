namespace PtceFunding.Application.Applications;

/// <summary>
/// The common path of every edit of a draft by the consortium: find it among the user's own
/// applications, refuse an edit made on an outdated read (409 with the current version), apply the
/// domain change, save, and answer the new version.
/// </summary>
internal static class ApplicationDrafts
{
    public static async Task<Result<int>> Edit(
        IPtceDbContext db, ICurrentUser user, Guid id, IVersioned command, Func<FundingApplication, Result> change, CancellationToken cancellationToken)
    {
        var application = await db.Applications.EditableBy(db, user.UserId!.Value)
            .FirstOrDefaultAsync(a => a.Id == new FundingApplicationId(id), cancellationToken).ConfigureAwait(false);
        var editable = db.Editable(application, command, ApplicationAccess.NotFound);
        return editable.IsSuccess ? db.VersionAfter(application!, change(application!)) : editable.Error;
    }

    /// <summary>
    /// What filing (or re-filing) an application reads: the application, found among the user's own and
    /// acted on by a verified user of the lead member, read at its current version; the call; the
    /// member organisations as eligibility sees them; the codes of the required documents attached.
    /// </summary>
    public static async Task<Result<Filing>> ForFiling(
        IPtceDbContext db, ICurrentUser user, Guid id, IVersioned command, string leadOnlyMessage, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var applicationId = new FundingApplicationId(id);
        var application = await db.Applications.EditableBy(db, userId).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (!await db.ActsForLeadMember(application, userId, cancellationToken).ConfigureAwait(false))
        {
            return Error.Forbidden("application.lead_member_only", leadOnlyMessage);
        }

        if (db.VersionConflict(application, command) is { } conflict)
        {
            return conflict;
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken).ConfigureAwait(false);
        var members = await MemberProfiles.Of(db, [.. application.Members.Select(m => m.OrganisationId)], cancellationToken).ConfigureAwait(false);
        var documents = await db.ApplicationDocuments.Where(d => d.ApplicationId == applicationId && d.RequiredDocumentCode != null)
            .Select(d => d.RequiredDocumentCode!).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Filing(application, call, members, documents);
    }
}

/// <summary>An application ready to be filed, with what its rules are checked against.</summary>
internal sealed record Filing(FundingApplication Application, Call Call, IReadOnlyList<MemberProfile> Members, IReadOnlyList<string> DocumentCodes);
