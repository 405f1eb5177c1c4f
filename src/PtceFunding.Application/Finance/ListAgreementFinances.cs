using PtceFunding.Application.Payments;

namespace PtceFunding.Application.Finance;

/// <summary>
/// Each funder's share of each agreement (not drafts) the caller sees: title, lead member, funder, committed total,
/// paid, remaining to pay (definitions on <see cref="FundingLine"/>), the next installment still to pay and the legal
/// commitment reference; ordered by agreement title then funder.
/// </summary>
[Allow(Audience.FinanceReaders)]
public sealed record ListAgreementFinances(Guid? FunderId = null) : IQuery<Result<IReadOnlyList<AgreementFinance>>>;

public sealed record AgreementFinance(
    Guid AgreementId,
    string Title,
    AgreementStatus Status,
    string StatusLabel,
    Guid LeadOrganisationId,
    string LeadName,
    Guid FunderId,
    string FunderName,
    decimal Total,
    decimal Paid,
    decimal Remaining,
    NextInstallment? NextInstallment,
    string? LegalCommitment);

/// <summary>The earliest installment neither paid nor cancelled: its date, what remains of it, and its status of the day.</summary>
public sealed record NextInstallment(Guid Id, int Year, InstallmentKind Kind, DateOnly DueFrom, decimal Remaining, InstallmentStatus Status, string StatusLabel);

internal sealed class ListAgreementFinancesHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListAgreementFinances, Result<IReadOnlyList<AgreementFinance>>>
{
    public async ValueTask<Result<IReadOnlyList<AgreementFinance>>> Handle(ListAgreementFinances request, CancellationToken cancellationToken)
    {
        var lines = await db.Load(user, request.FunderId, cancellationToken).ConfigureAwait(false);
        var leadIds = lines.Select(l => l.Agreement.LeadOrganisationId).Distinct().ToList();
        var leads = await db.Organisations.AsNoTracking().Where(o => leadIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var today = clock.Today();
        var overdue = await db.WithOverdueReports([.. lines.Select(l => l.Agreement.Id).Distinct()], today, cancellationToken).ConfigureAwait(false);
        return lines
            .Select(l =>
            {
                var next = l.Installments
                    .Where(i => i.State is InstallmentState.Planned or InstallmentState.Ordered && i.Remaining > 0)
                    .OrderBy(i => i.DueFrom).ThenBy(i => i.Year).ThenBy(i => i.Kind)
                    .FirstOrDefault();
                var status = next?.StatusOn(today, l.Agreement.PaymentsHeld || overdue.Contains(l.Agreement.Id));
                return new AgreementFinance(
                    l.Agreement.Id.Value,
                    l.Agreement.Title,
                    l.Agreement.Status,
                    AgreementWorkflow.StatusLabel(l.Agreement.Status),
                    l.Agreement.LeadOrganisationId.Value,
                    leads.GetValueOrDefault(l.Agreement.LeadOrganisationId, ""),
                    l.FunderId.Value,
                    l.FunderName,
                    l.Committed,
                    l.Paid,
                    l.Remaining,
                    next is null ? null : new NextInstallment(next.Id.Value, next.Year, next.Kind, next.DueFrom, next.Remaining, status!.Value, PaymentText.StatusLabel(status.Value)),
                    l.Agreement.LegalCommitmentOf(l.FunderId)?.Reference);
            })
            .OrderBy(a => a.Title, StringComparer.CurrentCulture).ThenBy(a => a.AgreementId).ThenBy(a => a.FunderName, StringComparer.CurrentCulture)
            .ToList();
    }
}
