using PtceFunding.Application.Access;
using PtceFunding.Application.Payments;

namespace PtceFunding.Application.Agreements;

/// <summary>
/// An agreement as its parties read it: parties, object, years with each funder's amount, each funder's
/// installments (advance and balance per year), reporting obligations, status and versions. Readable by the
/// program officers who see its application and by the verified users of its lead member; anyone else gets "not found".
/// </summary>
[Allow(Audience.AgreementReaders)]
public sealed record GetAgreement(Guid AgreementId) : IQuery<Result<AgreementView>>;

public sealed record AgreementView(
    Guid Id,
    Guid ApplicationId,
    Guid DecisionId,
    AgreementStatus Status,
    string StatusLabel,
    string Title,
    string Description,
    DateOnly StartDate,
    DateOnly EndDate,
    int DurationYears,
    bool AnniversaryYears,
    decimal Total,
    decimal AdvancePercentage,
    IReadOnlyList<AgreementFunderView> Funders,
    AgreementPartyView LeadMember,
    IReadOnlyList<AgreementMemberView> Members,
    IReadOnlyList<AgreementObjective> Objectives,
    IReadOnlyList<AgreementYearView> Years,
    IReadOnlyList<ReportingObligation> ReportingObligations,
    IReadOnlyList<AgreementSignature> Signatures,
    IReadOnlyList<AgreementVersionView> Versions,
    int Version,
    IReadOnlyList<AgreementSignatoryView> Signatories,
    bool CallerMaySign,
    IReadOnlyList<IndicatorDefinition> IndicatorDefinitions,
    int ReportDueAfterMonths,
    DateOnly? TerminatedOn,
    string? TerminationReason);

/// <summary>
/// A party expected to sign (each funder, then the lead member on behalf of the consortium): whether it signed,
/// who signed for it and when.
/// </summary>
public sealed record AgreementSignatoryView(SignatoryKind Kind, Guid? FunderId, string PartyName, bool HasSigned, string? SignerName, DateTime? SignedAt);

public sealed record AgreementPartyView(Guid Id, string Name);

/// <summary>
/// A funder's share: total, yearly amounts, legal commitment reference, installments (planned from the terms while a
/// draft, as stored once signed, with their status of the day) and recovery orders.
/// </summary>
public sealed record AgreementFunderView(
    Guid FunderId,
    string Name,
    decimal Total,
    IReadOnlyList<decimal> YearlyAmounts,
    string? LegalCommitment,
    IReadOnlyList<InstallmentView> Installments,
    decimal Paid,
    decimal Remaining,
    IReadOnlyList<RecoveryOrderView> RecoveryOrders);

public sealed record AgreementMemberView(Guid OrganisationId, string Name, MemberRole Role, decimal? BudgetShare);

public sealed record AgreementYearView(int Number, DateOnly Start, DateOnly End, bool IsPartial, IReadOnlyList<FunderAmount> Amounts, decimal Total);

public sealed record FunderAmount(Guid FunderId, decimal Amount);

public sealed record AgreementVersionView(int Number, AmendmentKind Kind, DateOnly EffectiveOn, string? Reason, int DurationYears, Guid LeadOrganisationId, decimal Total, DateTime RecordedAt);

internal sealed class GetAgreementHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetAgreement, Result<AgreementView>>
{
    private static readonly Error NotFound = AgreementAccess.NotFound;

    public async ValueTask<Result<AgreementView>> Handle(GetAgreement request, CancellationToken cancellationToken)
    {
        var id = new AgreementId(request.AgreementId);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (agreement is null || !await db.Sees(user, agreement, cancellationToken).ConfigureAwait(false))
        {
            return NotFound;
        }

        var funderIds = agreement.Funders.Select(f => f.FunderId).ToList();
        var funderNames = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);
        var organisationIds = agreement.Members.Select(m => m.OrganisationId).Append(agreement.LeadOrganisationId).Distinct().ToList();
        var organisationNames = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);

        var years = agreement.Years;
        var today = clock.Today();
        var held = await db.PaymentsHeld(agreement, today, cancellationToken).ConfigureAwait(false);
        var stored = await db.Installments.AsNoTracking().Include(i => i.Payments).Where(i => i.AgreementId == agreement.Id)
            .OrderBy(i => i.Year).ThenBy(i => i.Kind).ThenBy(i => i.PlannedByVersion).ToListAsync(cancellationToken).ConfigureAwait(false);
        var recoveries = await db.RecoveryOrders.AsNoTracking().Where(r => r.AgreementId == agreement.Id)
            .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var funders = new List<AgreementFunderView>();
        foreach (var commitment in agreement.Funders)
        {
            List<InstallmentView> installments;
            if (agreement.Status == AgreementStatus.Draft)
            {
                var plan = InstallmentPlan.FromYearAmounts(commitment.YearlyAmounts, agreement.PaymentTerms.AdvancePercentage, null, [.. years.Select(y => y.Start)]);
                if (!plan.IsSuccess)
                {
                    return plan.Error;
                }

                installments = [.. plan.Value.Installments.Select(Planned)];
            }
            else
            {
                installments = [.. stored.Where(i => i.FunderId == commitment.FunderId).Select(i => i.ToView(today, held))];
            }

            var paid = installments.Sum(i => i.PaidAmount);
            funders.Add(new AgreementFunderView(
                commitment.FunderId.Value,
                funderNames.GetValueOrDefault(commitment.FunderId, ""),
                commitment.Total,
                commitment.YearlyAmounts,
                agreement.LegalCommitmentOf(commitment.FunderId)?.Reference,
                installments,
                paid,
                installments.Sum(i => i.Remaining),
                [.. recoveries.Where(r => r.FunderId == commitment.FunderId).Select(r => r.ToView())]));
        }

        var signerIds = agreement.Signatures.Select(s => s.SignedBy).Distinct().ToList();
        var signerNames = await db.Users.AsNoTracking().Where(u => signerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        var leadName = organisationNames.GetValueOrDefault(agreement.LeadOrganisationId, "");
        var signatories = new List<AgreementSignatoryView>();
        foreach (var commitment in agreement.Funders)
        {
            var signature = agreement.Signatures.FirstOrDefault(s => s.Kind == SignatoryKind.Funder && s.FunderId == commitment.FunderId);
            signatories.Add(Signatory(SignatoryKind.Funder, commitment.FunderId.Value, funderNames.GetValueOrDefault(commitment.FunderId, ""), signature, signerNames));
        }

        signatories.Add(Signatory(SignatoryKind.LeadMember, null, leadName, agreement.Signatures.FirstOrDefault(s => s.Kind == SignatoryKind.LeadMember), signerNames));

        var rulesVersion = await db.Applications.AsNoTracking().Where(a => a.Id == agreement.ApplicationId).Select(a => a.RulesVersion)
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == agreement.CallId, cancellationToken).ConfigureAwait(false);

        return new AgreementView(
            agreement.Id.Value,
            agreement.ApplicationId.Value,
            agreement.DecisionId.Value,
            agreement.Status,
            AgreementWorkflow.StatusLabel(agreement.Status),
            agreement.Title,
            agreement.Description,
            agreement.StartDate,
            agreement.EndDate,
            agreement.DurationYears,
            agreement.AnniversaryYears,
            agreement.Total,
            agreement.PaymentTerms.AdvancePercentage,
            funders,
            new AgreementPartyView(agreement.LeadOrganisationId.Value, organisationNames.GetValueOrDefault(agreement.LeadOrganisationId, "")),
            [.. agreement.Members.Select(m => new AgreementMemberView(m.OrganisationId.Value, organisationNames.GetValueOrDefault(m.OrganisationId, ""), m.Role, m.BudgetShare))],
            agreement.Objectives,
            [.. years.Select((year, i) => new AgreementYearView(
                year.Number,
                year.Start,
                year.End,
                year.IsPartial,
                [.. agreement.Funders.Select(f => new FunderAmount(f.FunderId.Value, f.YearlyAmounts[i]))],
                agreement.Funders.Sum(f => f.YearlyAmounts[i])))],
            agreement.ReportingObligations,
            agreement.Signatures,
            [.. agreement.Versions.Select(v => new AgreementVersionView(v.Number, v.Kind, v.EffectiveOn, v.Reason, v.DurationYears, v.LeadOrganisationId.Value, v.Total, v.RecordedAt))],
            agreement.Version,
            signatories,
            CallerMaySign(agreement),
            call.RulesOfVersion(rulesVersion).Indicators,
            agreement.ReportDueAfterMonths,
            agreement.TerminatedOn,
            agreement.TerminationReason);
    }

    private static AgreementSignatoryView Signatory(SignatoryKind kind, Guid? funderId, string party, AgreementSignature? signature, Dictionary<Guid, string> signerNames) =>
        new(kind, funderId, party, signature is not null, signature is null ? null : signerNames.GetValueOrDefault(signature.SignedBy, ""), signature?.SignedAt);

    /// <summary>What <see cref="SignAgreement"/> would accept from the caller, who already sees the agreement: a draft awaiting their party's signature.</summary>
    private bool CallerMaySign(Agreement agreement)
    {
        if (agreement.Status != AgreementStatus.Draft)
        {
            return false;
        }

        if (user.IsInRole(Roles.ProgramOfficer))
        {
            return user.FunderId is { } funderId && agreement.MissingSignatures.Any(m => m.Kind == SignatoryKind.Funder && m.FunderId == funderId);
        }

        return user.IsInRole(Roles.Applicant) && agreement.MissingSignatures.Any(m => m.Kind == SignatoryKind.LeadMember);
    }

    private static InstallmentView Planned(PlannedInstallment planned) => new(
        null,
        planned.Year,
        planned.Kind,
        planned.Amount,
        0m,
        0m,
        planned.Amount,
        planned.DueDate,
        planned.Kind == InstallmentKind.Balance ? ReleaseCondition.YearReportsApproved : ReleaseCondition.None,
        planned.Kind == InstallmentKind.Advance,
        InstallmentStatus.Scheduled,
        PaymentText.StatusLabel(InstallmentStatus.Scheduled),
        null,
        null,
        null,
        0,
        [],
        0);
}
