namespace PtceFunding.Application.Calls;

/// <summary>
/// Who manages a call: a platform administrator (no funder) manages every call; a funder's
/// administrator only the calls their funder funds. Other calls do not exist, as far as they can tell.
/// </summary>
public static class CallAccess
{
    public static readonly Error NotFound = Error.NotFound("call.not_found", "Cet appel n'existe pas.");

    public static bool IsManagedBy(this Call call, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Administrator) && (user.FunderId is not { } funderId || call.IsFundedBy(funderId));
    }

    /// <summary>
    /// A published call is public; a draft is known only to the platform's staff and to the staff of the funders that fund it
    /// (a draft's indicators, documents and grid are its funders' work in progress).
    /// </summary>
    public static bool IsKnownTo(this Call call, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(user);
        return call.Status != CallStatus.Draft || user.FunderId is not { } funderId || call.IsFundedBy(funderId);
    }

    /// <summary>The call, tracked, when the current user manages it; null otherwise.</summary>
    public static async Task<Call?> FindManagedCall(this IPtceDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var call = await db.Calls.FindAsync([new CallId(id)], cancellationToken).ConfigureAwait(false);
        return call is not null && call.IsManagedBy(user) ? call : null;
    }

    /// <summary>The call, tracked, when the current user manages it and <paramref name="edit"/> read its current version; not found or stale otherwise.</summary>
    public static async Task<Result<Call>> CallToEdit(this IPtceDbContext db, ICurrentUser user, Guid id, IVersioned edit, CancellationToken cancellationToken) =>
        db.Editable(await db.FindManagedCall(user, id, cancellationToken).ConfigureAwait(false), edit, NotFound);
}
