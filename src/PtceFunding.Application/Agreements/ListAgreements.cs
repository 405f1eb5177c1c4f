using PtceFunding.Application.Access;
using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Agreements;

/// <summary>
/// The agreements the caller sees (the rules of <see cref="AgreementAccess.Sees"/>), most recent start first;
/// optionally only the agreement of one application.
/// </summary>
[Allow(Audience.AgreementReaders)]
public sealed record ListAgreements(Guid? ApplicationId = null) : IQuery<Result<IReadOnlyList<AgreementSummary>>>;

public sealed record AgreementSummary(
    Guid Id,
    Guid ApplicationId,
    string Title,
    AgreementStatus Status,
    string StatusLabel,
    DateOnly StartDate,
    DateOnly EndDate,
    int DurationYears,
    decimal Total,
    string LeadMember,
    IReadOnlyList<string> Funders,
    int MissingSignatures);

internal sealed class ListAgreementsHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<ListAgreements, Result<IReadOnlyList<AgreementSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<AgreementSummary>>> Handle(ListAgreements request, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } userId)
        {
            return Array.Empty<AgreementSummary>();
        }

        // The parties (lead member, funders) live in the versions' JSON: SQL narrows by what is relational
        // (the application's lead member, the applications an officer sees, the funders' installments), then
        // the current terms decide, as AgreementAccess.Sees does.
        var applicant = user.IsInRole(Roles.Applicant);
        var verified = applicant
            ? await db.OrganisationMemberships.AsNoTracking().Where(m => m.UserId == userId && m.Status == MembershipStatus.Verified)
                .Select(m => m.OrganisationId).ToListAsync(cancellationToken).ConfigureAwait(false)
            : [];
        var officer = user.IsInRole(Roles.ProgramOfficer);
        var visible = db.Applications.VisibleTo(db, user).Select(a => a.Id);
        var finance = user.IsInRole(Roles.FinanceOfficer) || user.IsInRole(Roles.Administrator);
        var all = finance && user.Territory.IsNational;
        var funder = finance && user.FunderId is { } id ? id : (FunderId?)null;
        var funderId = funder ?? default;
        var byFunder = funder is not null;

        var query = db.Agreements.AsNoTracking().Where(a =>
            all
            || (applicant && verified.Contains(a.LeadOrganisationId))
            || (officer && visible.Contains(a.ApplicationId))
            || (byFunder && db.Installments.Any(i => i.AgreementId == a.Id && i.FunderId == funderId)));
        if (request.ApplicationId is { } applicationId)
        {
            var application = new FundingApplicationId(applicationId);
            query = query.Where(a => a.ApplicationId == application);
        }

        var candidates = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        var candidateApplications = candidates.Select(c => c.ApplicationId).Distinct().ToList();
        var officerSees = officer
            ? (await visible.Where(v => candidateApplications.Contains(v)).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet()
            : [];
        var agreements = candidates.Where(a =>
                all
                || (applicant && verified.Contains(a.LeadOrganisationId))
                || officerSees.Contains(a.ApplicationId)
                || (byFunder && a.Funders.Any(f => f.FunderId == funderId)))
            .OrderByDescending(a => a.StartDate).ThenBy(a => a.Title, StringComparer.CurrentCulture)
            .ToList();

        var funderIds = agreements.SelectMany(a => a.Funders.Select(f => f.FunderId)).Distinct().ToList();
        var funderNames = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken).ConfigureAwait(false);
        var leadIds = agreements.Select(a => a.LeadOrganisationId).Distinct().ToList();
        var leadNames = await db.Organisations.AsNoTracking().Where(o => leadIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);

        return agreements.Select(a => new AgreementSummary(
                a.Id.Value,
                a.ApplicationId.Value,
                a.Title,
                a.Status,
                AgreementWorkflow.StatusLabel(a.Status),
                a.StartDate,
                a.EndDate,
                a.DurationYears,
                a.Total,
                leadNames.GetValueOrDefault(a.LeadOrganisationId, ""),
                [.. a.Funders.Select(f => funderNames.GetValueOrDefault(f.FunderId, ""))],
                a.Status == AgreementStatus.Draft ? a.MissingSignatures.Count : 0))
            .ToList();
    }
}
