using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Applications;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Agreements;

/// <summary>
/// An agreement as its parties read it: parties, object, years with each funder's amount, each funder's
/// installments (advance and balance per year), reporting obligations, status and versions. Readable by the
/// program officers who see its application and by the verified users of its lead member; anyone else gets "not found".
/// </summary>
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
    int Version);

public sealed record AgreementPartyView(Guid Id, string Name);

public sealed record AgreementFunderView(Guid FunderId, string Name, decimal Total, IReadOnlyList<decimal> YearlyAmounts, IReadOnlyList<PlannedInstallment> Installments);

public sealed record AgreementMemberView(Guid OrganisationId, string Name, MemberRole Role, decimal? BudgetShare);

public sealed record AgreementYearView(int Number, DateOnly Start, DateOnly End, bool IsPartial, IReadOnlyList<FunderAmount> Amounts, decimal Total);

public sealed record FunderAmount(Guid FunderId, decimal Amount);

public sealed record AgreementVersionView(int Number, AmendmentKind Kind, DateOnly EffectiveOn, string? Reason, int DurationYears, Guid LeadOrganisationId, decimal Total, DateTime RecordedAt);

internal sealed class GetAgreementAuthorizer(ICurrentUser user) : IAuthorizer<GetAgreement>
{
    public Task<Result> Authorize(GetAgreement request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.ProgramOfficer, Roles.Applicant));
}

internal sealed class GetAgreementHandler(IPtceDbContext db, ICurrentUser user) : IRequestHandler<GetAgreement, Result<AgreementView>>
{
    private static readonly Error NotFound = Error.NotFound("agreement.not_found", "Cette convention n'existe pas.");

    public async Task<Result<AgreementView>> Handle(GetAgreement request, CancellationToken cancellationToken)
    {
        var id = new AgreementId(request.AgreementId);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (agreement is null || user.UserId is not { } userId || !await Sees(agreement, userId, cancellationToken).ConfigureAwait(false))
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
        var signedOn = agreement.SignedAt is { } signedAt ? DateOnly.FromDateTime(signedAt) : (DateOnly?)null;
        var funders = new List<AgreementFunderView>();
        foreach (var commitment in agreement.Funders)
        {
            var plan = InstallmentPlan.FromYearAmounts(commitment.YearlyAmounts, agreement.PaymentTerms.AdvancePercentage, signedOn, [.. years.Select(y => y.Start)]);
            if (!plan.IsSuccess)
            {
                return plan.Error;
            }

            funders.Add(new AgreementFunderView(
                commitment.FunderId.Value, funderNames.GetValueOrDefault(commitment.FunderId, ""), commitment.Total, commitment.YearlyAmounts, plan.Value.Installments));
        }

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
            agreement.Version);
    }

    /// <summary>Officers who see the application; the verified users of the (current) lead member.</summary>
    private async Task<bool> Sees(Agreement agreement, Guid userId, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Applicant))
        {
            return await db.IsVerifiedFor(userId, agreement.LeadOrganisationId, cancellationToken).ConfigureAwait(false);
        }

        return await db.Applications.VisibleTo(db, user).AnyAsync(a => a.Id == agreement.ApplicationId, cancellationToken).ConfigureAwait(false);
    }
}
