using PtceFunding.Application.Access;
using PtceFunding.Application.Payments;

namespace PtceFunding.Application.Agreements;

/// <summary>
/// What an amendment would do, computed by the same rules as <see cref="AmendAgreement"/> on a copy read without
/// tracking (nothing is saved): the new terms per funder, the installments kept (ordered or paid), those cancelled,
/// those planned instead and the recovery orders. For the amendment wizard's last step.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record PreviewAmendment(Guid AgreementId, AmendmentInput Amendment) : IQuery<Result<AmendmentPreview>>;

public sealed record AmendmentPreview(int Number, string KindLabel, int DurationYears, DateOnly EndDate, Guid LeadOrganisationId, IReadOnlyList<AgreementYear> Years, IReadOnlyList<FunderPreview> Funders);

/// <summary>One funder's terms before and after, and its schedule after the amendment.</summary>
public sealed record FunderPreview(
    Guid FunderId,
    decimal FormerTotal,
    decimal NewTotal,
    IReadOnlyList<decimal> FormerYearlyAmounts,
    IReadOnlyList<decimal> NewYearlyAmounts,
    IReadOnlyList<InstallmentView> Kept,
    IReadOnlyList<InstallmentView> Cancelled,
    IReadOnlyList<InstallmentView> Planned,
    decimal Recovery);

internal sealed class PreviewAmendmentHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<PreviewAmendment, Result<AmendmentPreview>>
{
    public async ValueTask<Result<AmendmentPreview>> Handle(PreviewAmendment request, CancellationToken cancellationToken)
    {
        var found = await db.FindAgreementForOfficer(user, request.AgreementId, tracked: false, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (agreement, funderId) = found.Value;
        var former = agreement.Funders;
        var now = clock.GetUtcNow();
        var applied = await Amendments.Apply(db, agreement, funderId, request.Amendment, tracked: false, now, cancellationToken).ConfigureAwait(false);
        if (!applied.IsSuccess)
        {
            return applied.Error;
        }

        var (version, change, existing) = applied.Value;
        var today = now.Today();
        var held = await db.PaymentsHeld(agreement, today, cancellationToken).ConfigureAwait(false);
        return new AmendmentPreview(
            version.Number,
            AmendmentText.KindLabel(version.Kind),
            version.DurationYears,
            agreement.EndDate,
            version.LeadOrganisationId.Value,
            agreement.Years,
            [.. agreement.Funders.Select(f =>
            {
                var before = former.Single(b => b.FunderId == f.FunderId);
                var own = existing.Where(i => i.FunderId == f.FunderId).OrderBy(i => i.Year).ThenBy(i => i.Kind).ToList();
                return new FunderPreview(
                    f.FunderId.Value,
                    before.Total,
                    f.Total,
                    before.YearlyAmounts,
                    f.YearlyAmounts,
                    [.. own.Where(i => i.State is InstallmentState.Ordered or InstallmentState.Paid).Select(i => i.ToView(today, held))],
                    [.. own.Where(i => i.State == InstallmentState.Cancelled && i.CancelledAt == now.UtcDateTime).Select(i => i.ToView(today, held))],
                    [.. change.Added.Where(i => i.FunderId == f.FunderId).OrderBy(i => i.Year).ThenBy(i => i.Kind).Select(i => i.ToView(today, held))],
                    change.Recoveries.Where(r => r.FunderId == f.FunderId).Sum(r => r.Amount));
            })]);
    }
}
