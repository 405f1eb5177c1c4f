using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Access;

/// <summary>
/// Who sees an agreement, its schedule and its payments: the program officers who see its application; finance
/// staff and funder administrators of a funder party to it (national staff and platform administrators: all); the
/// verified users of its current lead member (read-only). Anyone else is told it does not exist.
/// </summary>
public static class AgreementAccess
{
    public static readonly Error NotFound = Error.NotFound("agreement.not_found", "Cette convention n'existe pas.");

    public static async Task<bool> Sees(this IPtceDbContext db, ICurrentUser user, Agreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(agreement);
        if (user.UserId is not { } userId)
        {
            return false;
        }

        if (user.IsInRole(Roles.Applicant))
        {
            return await db.IsVerifiedFor(userId, agreement.LeadOrganisationId, cancellationToken).ConfigureAwait(false);
        }

        if (user.IsInRole(Roles.FinanceOfficer) || user.IsInRole(Roles.Administrator))
        {
            if (user.Territory.IsNational || (user.FunderId is { } funderId && agreement.Funders.Any(f => f.FunderId == funderId)))
            {
                return true;
            }
        }

        return user.IsInRole(Roles.ProgramOfficer)
            && await db.Applications.VisibleTo(db, user).AnyAsync(a => a.Id == agreement.ApplicationId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The agreement (tracked when <paramref name="tracked"/>) and the funder party a program officer acts for: the
    /// officer must see the agreement (else not found) and belong to a funder party to it.
    /// </summary>
    public static async Task<Result<(Agreement Agreement, FunderId FunderId)>> FindAgreementForOfficer(
        this IPtceDbContext db, ICurrentUser user, Guid agreementId, bool tracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var id = new AgreementId(agreementId);
        var agreements = tracked ? db.Agreements : db.Agreements.AsNoTracking();
        var agreement = await agreements.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (agreement is null || !user.IsInRole(Roles.ProgramOfficer) || !await db.Sees(user, agreement, cancellationToken).ConfigureAwait(false))
        {
            return NotFound;
        }

        return user.FunderId is { } funderId && agreement.Funders.Any(f => f.FunderId == funderId)
            ? (agreement, funderId)
            : Error.RuleBroken("agreement.not_a_party", "Votre financeur n'est pas partie à cette convention.");
    }

    /// <summary>The funder party the caller handles money for: a finance officer's own funder, when party to the agreement.</summary>
    public static FunderId? FinanceFunderOf(this ICurrentUser user, Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(agreement);
        return user.IsInRole(Roles.FinanceOfficer) && user.FunderId is { } funderId && agreement.Funders.Any(f => f.FunderId == funderId)
            ? funderId
            : null;
    }
}
