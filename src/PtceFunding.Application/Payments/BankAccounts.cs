using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Payments;

/// <summary>
/// Who deals with an organisation's bank details, and the one way to read the details payments go to.
/// Reading and entering: the organisation's verified users, and the finance officers whose territory
/// contains the organisation's region. Approving or rejecting: those finance officers, except the one who
/// entered the details. Anyone else gets "not found".
/// </summary>
public static class BankAccounts
{
    public static readonly Error NotFound = Error.NotFound("bank_details.not_found", "Ces coordonnées bancaires n'existent pas.");

    /// <summary>
    /// The approved bank details of <paramref name="organisationId"/> — the only ones a payment may be
    /// ordered to — or null when none are approved (a pending change does not count).
    /// </summary>
    public static Task<BankAccount?> ApprovedBankAccountOf(this IPtceDbContext db, OrganisationId organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.BankAccounts.AsNoTracking()
            .FirstOrDefaultAsync(b => b.OrganisationId == organisationId && b.Status == BankAccountStatus.Approved, cancellationToken);
    }

    /// <summary>The organisation, when the user may read and enter its bank details; null otherwise (answer 404).</summary>
    internal static async Task<Organisation?> OrganisationForBankDetails(this IPtceDbContext db, ICurrentUser user, OrganisationId organisationId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken).ConfigureAwait(false);
        if (organisation is null || user.UserId is not { } userId)
        {
            return null;
        }

        if (user.IsInRole(Roles.FinanceOfficer) && user.Territory.Contains(organisation.RegionCode))
        {
            return organisation;
        }

        return user.IsInRole(Roles.Applicant) && await db.IsVerifiedFor(userId, organisationId, cancellationToken).ConfigureAwait(false)
            ? organisation
            : null;
    }

    /// <summary>
    /// The details (tracked) to approve or reject, as <paramref name="decision"/> read them, when the user is a finance
    /// officer of the organisation's territory; not found otherwise, stale when they changed since.
    /// </summary>
    internal static async Task<Result<BankAccount>> BankAccountToDecide(
        this IPtceDbContext db, ICurrentUser user, Guid id, IVersioned decision, CancellationToken cancellationToken)
    {
        var accountId = new BankAccountId(id);
        var account = await db.BankAccounts.FirstOrDefaultAsync(b => b.Id == accountId, cancellationToken).ConfigureAwait(false);
        var region = account is null
            ? null
            : await db.Organisations.AsNoTracking().Where(o => o.Id == account.OrganisationId).Select(o => o.RegionCode).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (account is null || region is null || !user.IsInRole(Roles.FinanceOfficer) || !user.Territory.Contains(region))
        {
            return NotFound;
        }

        return db.VersionConflict(account, decision) is { } conflict ? conflict : account;
    }

    /// <summary>An entry as readers see it, with the names of the people involved.</summary>
    internal static BankAccountView ToView(this BankAccount account, IReadOnlyDictionary<Guid, string> names, Guid? me)
    {
        var decidedBy = account.ApprovedBy ?? account.RejectedBy;
        return new BankAccountView(
            account.Id.Value, account.Version, account.Status, account.HolderName, account.Iban.Value, account.Iban.Formatted, account.Bic.Value,
            names.GetValueOrDefault(account.EnteredBy, ""), account.EnteredAt, account.EnteredBy == me,
            decidedBy is { } id ? names.GetValueOrDefault(id, "") : null, account.ApprovedAt ?? account.RejectedAt, account.RejectionReason, account.SupersededAt);
    }
}
