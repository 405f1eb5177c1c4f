namespace PtceFunding.Application.Payments;

/// <summary>
/// For a finance officer: the bank-detail changes waiting for approval in their territory, each beside the
/// approved details it would replace; the ones they entered themselves are flagged (another officer decides).
/// </summary>
[Allow(Audience.FinanceOfficers)]
public sealed record ListPendingBankDetails : IQuery<Result<IReadOnlyList<PendingBankDetailsLine>>>;

public sealed record PendingBankDetailsLine(
    Guid OrganisationId, string OrganisationName, string? Siret, string? Rna, string RegionCode, BankAccountView Change, BankAccountView? Current);

internal sealed class ListPendingBankDetailsHandler(IPtceDbContext db, ICurrentUser user)
    : IQueryHandler<ListPendingBankDetails, Result<IReadOnlyList<PendingBankDetailsLine>>>
{
    public async ValueTask<Result<IReadOnlyList<PendingBankDetailsLine>>> Handle(ListPendingBankDetails request, CancellationToken cancellationToken)
    {
        var region = user.Territory.RegionCode;
        var rows = await (
                from account in db.BankAccounts.AsNoTracking()
                join organisation in db.Organisations on account.OrganisationId equals organisation.Id
                where (account.Status == BankAccountStatus.PendingApproval || account.Status == BankAccountStatus.Approved)
                    && (region == null || organisation.RegionCode == region)
                    && db.BankAccounts.Any(p => p.OrganisationId == organisation.Id && p.Status == BankAccountStatus.PendingApproval)
                select new { Account = account, organisation.Name, organisation.Siret, organisation.Rna, organisation.RegionCode })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var people = rows.SelectMany(r => new[] { r.Account.EnteredBy, r.Account.ApprovedBy ?? Guid.Empty }).Where(id => id != Guid.Empty).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        return rows
            .GroupBy(r => r.Account.OrganisationId)
            .Select(g =>
            {
                var change = g.Single(r => r.Account.Status == BankAccountStatus.PendingApproval);
                var current = g.SingleOrDefault(r => r.Account.Status == BankAccountStatus.Approved);
                return new PendingBankDetailsLine(
                    g.Key.Value, change.Name, change.Siret, change.Rna, change.RegionCode,
                    change.Account.ToView(names, user.UserId),
                    current is null ? null : current.Account.ToView(names, user.UserId));
            })
            .OrderBy(l => l.Change.EnteredAt)
            .ToList();
    }
}
