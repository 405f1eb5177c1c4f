using PtceFunding.Application.Access;
using PtceFunding.Application.Notifications;
using PtceFunding.Application.Payments;

namespace PtceFunding.Application.Agreements;

/// <summary>
/// A program officer of a funder party, who sees the agreement, terminates a signed or active agreement early from an
/// effective date, with its reason: every installment not yet paid is cancelled, and each funder's amount finally due
/// (each year pro rata of the days it ran, <see cref="PaymentSchedule.DueOnTermination"/>) gives either a closing
/// balance released by the final report or a recovery order for what was paid beyond it. The lead member's verified
/// users are notified. The reports of the years starting after the effective date are waived and the final report
/// covers the agreement up to it (<see cref="ReportingRules.Align"/>).
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record TerminateAgreement(Guid AgreementId, DateOnly EffectiveOn, string Reason, int? ExpectedVersion) : ICommand<Result<TerminatedAgreement>>, IVersioned;

/// <summary>The agreement after its termination and what the schedule became.</summary>
public sealed record TerminatedAgreement(AgreementStatus Status, int Version, int CancelledInstallments, IReadOnlyList<InstallmentView> ClosingBalances, IReadOnlyList<RecoveryOrderView> RecoveryOrders);

internal sealed class TerminateAgreementValidator : AbstractValidator<TerminateAgreement>
{
    public TerminateAgreementValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Indiquez le motif de la résiliation.")
            .MaximumLength(1000).WithMessage("Le motif compte au plus 1 000 caractères.");
    }
}

internal sealed class TerminateAgreementHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, ILinks links)
    : ICommandHandler<TerminateAgreement, Result<TerminatedAgreement>>
{
    public async ValueTask<Result<TerminatedAgreement>> Handle(TerminateAgreement request, CancellationToken cancellationToken)
    {
        var found = await db.FindAgreementForOfficer(user, request.AgreementId, tracked: true, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var agreement = found.Value.Agreement;
        if (db.VersionConflict(agreement, request) is { } conflict)
        {
            return conflict;
        }

        var terminated = agreement.Terminate(request.Reason, request.EffectiveOn);
        if (!terminated.IsSuccess)
        {
            return terminated.Error;
        }

        var now = clock.GetUtcNow();
        var installments = await db.Installments.Include(i => i.Payments).Where(i => i.AgreementId == agreement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var recoveries = await db.RecoveryOrders.Where(r => r.AgreementId == agreement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var change = PaymentSchedule.Terminate(agreement, installments, recoveries, request.EffectiveOn, now);
        db.Installments.AddRange(change.Added);
        db.RecoveryOrders.AddRange(change.Recoveries);
        var reports = await db.Reports.Where(r => r.AgreementId == agreement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var aligned = ReportingRules.Align(agreement, reports, user.UserId!.Value, now);
        db.Reports.AddRange(aligned);

        var summary = string.Join(" ", agreement.Funders.Select(f => $"Montant dû : {Money.Format(PaymentSchedule.DueOnTermination(agreement, f, request.EffectiveOn))} sur {Money.Format(f.Total)} prévus."))
            + (change.Recoveries.Count > 0 ? $" Un ordre de reversement de {Money.Format(change.Recoveries.Sum(r => r.Amount))} sera émis." : "");
        await db.NotifyVerifiedUsers(
            agreement.LeadOrganisationId,
            new Notices.AgreementTerminated(Title: agreement.Title, EffectiveOn: request.EffectiveOn, Reason: agreement.TerminationReason ?? "", Summary: summary)
            {
                Link = links.Agreement(agreement.Id),
            },
            $"agreement-terminated:{agreement.Id}",
            now,
            cancellationToken).ConfigureAwait(false);

        var today = now.Today();
        var held = ReportingRules.PaymentsHeld(agreement, [.. reports, .. aligned], today);
        return new TerminatedAgreement(
            agreement.Status,
            db.VersionOnceSaved(agreement),
            installments.Count(i => i.State == InstallmentState.Cancelled && i.CancelledAt == now.UtcDateTime),
            [.. change.Added.Select(i => i.ToView(today, held))],
            [.. change.Recoveries.Select(r => r.ToView())]);
    }
}
