namespace PtceFunding.Application.Applications;

/// <summary>
/// Who sees an application. The consortium: the verified users of the lead member, and the users of
/// other members the lead invited (contributors). Staff: once the application is submitted (drafts
/// are the consortium's own), the program officers and administrators of the funders it is routed to
/// (the call's funders whose territory contains the lead member's region), and national staff.
/// Anyone else gets "not found", never "forbidden".
/// </summary>
public static class ApplicationAccess
{
    public static readonly Error NotFound = Error.NotFound("application.not_found", "Ce dossier n'existe pas.");

    public static IQueryable<FundingApplication> VisibleTo(this IQueryable<FundingApplication> applications, IPtceDbContext db, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.UserId is not { } userId)
        {
            return applications.Where(_ => false);
        }

        if (user.IsInRole(Roles.Applicant))
        {
            return applications.EditableBy(db, userId);
        }

        if (!user.IsInRole(Roles.ProgramOfficer) && !user.IsInRole(Roles.Administrator))
        {
            return applications.Where(_ => false);
        }

        // Routed at submission to the call's funders whose territory contains the lead member's region;
        // national staff and platform administrators see every submitted application. A draft withdrawn before it
        // was ever submitted stays the consortium's own: what counts is having been submitted, not the status.
        var submitted = applications.Where(a => a.SubmittedAt != null);
        return user.FunderId is { } funderId && !user.Territory.IsNational
            ? submitted.Where(a => a.Routes.Any(r => r.FunderId == funderId))
            : submitted;
    }

    /// <summary>The consortium's users: verified for the lead member, or invited contributors.</summary>
    public static IQueryable<FundingApplication> EditableBy(this IQueryable<FundingApplication> applications, IPtceDbContext db, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return applications.Where(a =>
            db.OrganisationMemberships.Any(m => m.UserId == userId && m.Status == MembershipStatus.Verified && m.OrganisationId == a.LeadOrganisationId)
            || db.ApplicationContributors.Any(c => c.ApplicationId == a.Id && c.UserId == userId));
    }

    /// <summary>Lead-member actions (submit, withdraw, invite): only the verified users of the lead member.</summary>
    public static Task<bool> ActsForLeadMember(this IPtceDbContext db, FundingApplication application, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return db.IsVerifiedFor(userId, application.LeadOrganisationId, cancellationToken);
    }

    /// <summary>Whether the user is verified to act for the organisation.</summary>
    public static Task<bool> IsVerifiedFor(this IPtceDbContext db, Guid userId, OrganisationId organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.OrganisationMemberships.AnyAsync(
            m => m.UserId == userId && m.Status == MembershipStatus.Verified && m.OrganisationId == organisationId,
            cancellationToken);
    }
}

/// <summary>Query shapes shared by several use cases.</summary>
public static class ApplicationQueries
{
    /// <summary>Submitted and not decided yet (<see cref="FundingApplication.IsAwaitingDecision"/>), as a query.</summary>
    public static IQueryable<FundingApplication> AwaitingDecision(this IQueryable<FundingApplication> applications) =>
        applications.Where(FundingApplication.AwaitingDecision.Predicate);

    /// <summary>Submitted, not decided, and with no session to examine them yet (<see cref="FundingApplication.IsUnscheduled"/>).</summary>
    public static IQueryable<FundingApplication> Unscheduled(this IQueryable<FundingApplication> applications) =>
        applications.AwaitingDecision().Where(a => a.SessionId == null);
}
