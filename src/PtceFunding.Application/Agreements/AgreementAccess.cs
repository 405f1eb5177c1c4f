using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Applications;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Agreements;

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
