namespace PtceFunding.Application.Payments;

/// <summary>
/// The installments finance staff have to act on or follow, across agreements: those of their own funder (all
/// funders for national staff) that are due, blocked or ordered today, earliest date first.
/// </summary>
[Allow(Audience.FinanceOfficers)]
public sealed record ListInstallmentsForFinance : IQuery<Result<IReadOnlyList<FinanceInstallment>>>;

/// <summary>One installment to act on, with its agreement, its lead member and its funder.</summary>
public sealed record FinanceInstallment(
    Guid Id,
    Guid AgreementId,
    string AgreementTitle,
    string LeadMember,
    string Funder,
    int Year,
    InstallmentKind Kind,
    decimal Amount,
    decimal Remaining,
    DateOnly DueFrom,
    InstallmentStatus Status,
    string StatusLabel,
    string? OrderReference);

internal sealed class ListInstallmentsForFinanceHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListInstallmentsForFinance, Result<IReadOnlyList<FinanceInstallment>>>
{
    public async ValueTask<Result<IReadOnlyList<FinanceInstallment>>> Handle(ListInstallmentsForFinance request, CancellationToken cancellationToken)
    {
        var national = user.Territory.IsNational;
        if (!national && user.FunderId is null)
        {
            return Result<IReadOnlyList<FinanceInstallment>>.Success([]);
        }

        var today = clock.Today();
        var funderId = user.FunderId;

        // Due, blocked and ordered: planned ones whose date has come (due or blocked is decided below), and ordered ones.
        var installments = await db.Installments.AsNoTracking()
            .Where(i => national || i.FunderId == funderId)
            .Where(i => i.State == InstallmentState.Ordered || (i.State == InstallmentState.Planned && i.DueFrom <= today))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (installments.Count == 0)
        {
            return Result<IReadOnlyList<FinanceInstallment>>.Success([]);
        }

        var agreementIds = installments.Select(i => i.AgreementId).Distinct().ToList();
        var agreements = await db.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, cancellationToken).ConfigureAwait(false);
        var overdue = await db.WithOverdueReports(agreementIds, today, cancellationToken).ConfigureAwait(false);
        var leadIds = agreements.Values.Select(a => a.LeadOrganisationId).Distinct().ToList();
        var leads = await db.Organisations.AsNoTracking().Where(o => leadIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var funderIds = installments.Select(i => i.FunderId).Distinct().ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);

        return installments
            .Select(i => (Installment: i, Agreement: agreements[i.AgreementId], Status: i.StatusOn(today, agreements[i.AgreementId].PaymentsHeld || overdue.Contains(i.AgreementId))))
            .Where(x => x.Status is InstallmentStatus.Due or InstallmentStatus.Blocked or InstallmentStatus.Ordered)
            .OrderBy(x => x.Installment.DueFrom).ThenBy(x => x.Agreement.Title, StringComparer.Ordinal).ThenBy(x => x.Installment.Year).ThenBy(x => x.Installment.Kind)
            .Select(x => new FinanceInstallment(
                x.Installment.Id.Value,
                x.Agreement.Id.Value,
                x.Agreement.Title,
                leads.GetValueOrDefault(x.Agreement.LeadOrganisationId, ""),
                funders.GetValueOrDefault(x.Installment.FunderId, ""),
                x.Installment.Year,
                x.Installment.Kind,
                x.Installment.Amount,
                x.Installment.Remaining,
                x.Installment.DueFrom,
                x.Status,
                PaymentText.StatusLabel(x.Status),
                x.Installment.OrderReference))
            .ToList();
    }
}
