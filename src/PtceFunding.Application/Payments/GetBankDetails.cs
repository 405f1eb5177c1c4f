using PtceFunding.Application.Organisations;

namespace PtceFunding.Application.Payments;

/// <summary>
/// An organisation's bank details: the approved ones (where payments go), the change waiting for approval,
/// and the history. The IBAN is shown whole: the readers are the organisation itself and its finance officers,
/// who check it against the RIB (e-mails carry it masked).
/// </summary>
[Allow(Audience.BankDetailsEditors)]
public sealed record GetBankDetails(Guid OrganisationId) : IQuery<Result<BankDetailsView>>;

public sealed record BankDetailsView(
    Guid OrganisationId, string OrganisationName, BankAccountView? Approved, BankAccountView? Pending, IReadOnlyList<BankAccountView> History);

/// <summary>One entry of bank details; <c>Iban</c> is the electronic form, <c>IbanDisplay</c> the paper one (groups of four).</summary>
public sealed record BankAccountView(
    Guid Id, int Version, BankAccountStatus Status, string HolderName, string Iban, string IbanDisplay, string Bic,
    string EnteredBy, DateTime EnteredAt, bool EnteredByMe, string? DecidedBy, DateTime? DecidedAt, string? RejectionReason, DateTime? SupersededAt);

internal sealed class GetBankDetailsHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetBankDetails, Result<BankDetailsView>>
{
    public async ValueTask<Result<BankDetailsView>> Handle(GetBankDetails request, CancellationToken cancellationToken)
    {
        var organisationId = new OrganisationId(request.OrganisationId);
        var organisation = await db.OrganisationForBankDetails(user, organisationId, cancellationToken).ConfigureAwait(false);
        if (organisation is null)
        {
            return OrganisationMembers.NotFound;
        }

        var accounts = await db.BankAccounts.AsNoTracking()
            .Where(b => b.OrganisationId == organisationId)
            .OrderByDescending(b => b.EnteredAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var people = accounts.SelectMany(a => new[] { a.EnteredBy, a.ApprovedBy ?? a.RejectedBy ?? Guid.Empty }).Where(id => id != Guid.Empty).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        var views = accounts.Select(a => a.ToView(names, user.UserId)).ToList();
        return new BankDetailsView(
            organisationId.Value,
            organisation.Name,
            views.FirstOrDefault(v => v.Status == BankAccountStatus.Approved),
            views.FirstOrDefault(v => v.Status == BankAccountStatus.PendingApproval),
            [.. views.Where(v => v.Status is BankAccountStatus.Rejected or BankAccountStatus.Superseded)]);
    }
}
