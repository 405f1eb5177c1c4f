using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PtceFunding.Application.OpenData;

/// <summary>The open-data formats of the signed agreements.</summary>
public enum OpenDataFormat
{
    /// <summary>SCDL Subventions, CSV (<see cref="ScdlSubvention"/>).</summary>
    ScdlCsv = 0,

    /// <summary>360Giving, JSON (<see cref="ThreeSixtyGivingGrant"/>).</summary>
    ThreeSixtyGivingJson = 1,
}

/// <summary>
/// The signed agreements (signed, active, completed, terminated early — never drafts) as an open-data file, one
/// grant per funder × agreement. <see cref="PublicOnly"/>: only the grants the law requires to publish (above
/// <see cref="ScdlSubvention.PublicationThreshold"/>), for anyone; otherwise every grant, for administrators.
/// Grants of a funder without a SIRET are left out of both (the formats require the grantor's identifier); the
/// answer counts them so that administrators know to record it.
/// </summary>
// The public export is published for everyone (décret 2017-779); the full one is for administrators (checked by the handler).
[Allow(Audience.Anyone)]
public sealed record ExportOpenData(OpenDataFormat Format, bool PublicOnly) : IQuery<Result<OpenDataFile>>;

/// <summary>A file to download, and how many grants were left out because their funder has no SIRET.</summary>
public sealed record OpenDataFile(string FileName, string ContentType, byte[] Content, int Grants, int GrantsWithoutFunderSiret);

internal sealed class ExportOpenDataHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ExportOpenData, Result<OpenDataFile>>
{
    /// <summary>Agreements whose parties have all signed; a draft is not a grant yet.</summary>
    private static readonly AgreementStatus[] Signed = [AgreementStatus.Signed, AgreementStatus.Active, AgreementStatus.Completed, AgreementStatus.TerminatedEarly];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async ValueTask<Result<OpenDataFile>> Handle(ExportOpenData request, CancellationToken cancellationToken)
    {
        if (!request.PublicOnly && user.RequireRole(Roles.Administrator) is { IsSuccess: false } refused)
        {
            return refused.Error;
        }

        var (grants, withoutSiret) = await Grants(cancellationToken).ConfigureAwait(false);
        if (request.PublicOnly)
        {
            grants = [.. grants.Where(g => g.Amount > ScdlSubvention.PublicationThreshold)];
        }

        var today = clock.Today();
        var suffix = request.PublicOnly ? "" : "-complet";
        return request.Format switch
        {
            OpenDataFormat.ScdlCsv => new OpenDataFile(
                $"subventions-ptce{suffix}-{today:yyyy-MM-dd}.csv",
                "text/csv; charset=utf-8",
                Encoding.UTF8.GetBytes(Csv.Write(ScdlSubvention.Columns, grants.SelectMany(ScdlSubvention.For).Select(row => row.Fields))),
                grants.Count,
                withoutSiret),
            OpenDataFormat.ThreeSixtyGivingJson => new OpenDataFile(
                $"360giving-ptce{suffix}-{today:yyyy-MM-dd}.json",
                "application/json; charset=utf-8",
                JsonSerializer.SerializeToUtf8Bytes(
                    new ThreeSixtyGivingPackage(
                        request.PublicOnly ? "Subventions aux PTCE de plus de 23 000 € (conventions signées)" : "Subventions aux PTCE (conventions signées)",
                        $"{today:yyyy-MM-dd}",
                        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
                        new ThreeSixtyGivingPublisher("PtceFunding"),
                        [.. grants.Select(ThreeSixtyGivingGrant.For)]),
                    Json),
                grants.Count,
                withoutSiret),
            _ => Error.Validation(nameof(request.Format), "Ce format de données ouvertes est inconnu."),
        };
    }

    /// <summary>
    /// Loads the signed agreements whole and maps them in memory: their terms (funders, members) are JSON columns,
    /// and a few hundred agreements a year fit in memory easily.
    /// </summary>
    private async Task<(List<SignedGrant> Grants, int WithoutSiret)> Grants(CancellationToken cancellationToken)
    {
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => Signed.Contains(a.Status))
            .OrderBy(a => a.SignedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var funderIds = agreements.SelectMany(a => a.Funders.Select(f => f.FunderId)).Distinct().ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken).ConfigureAwait(false);
        var organisationIds = agreements.SelectMany(a => a.Members.Select(m => m.OrganisationId).Append(a.LeadOrganisationId)).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new GrantBeneficiary(o.Id.Value, o.Name, o.Siret, o.Rna), cancellationToken).ConfigureAwait(false);
        var applicationIds = agreements.Select(a => a.ApplicationId).Distinct().ToList();
        var references = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Reference, cancellationToken).ConfigureAwait(false);

        var grants = new List<SignedGrant>();
        var withoutSiret = 0;
        foreach (var agreement in agreements)
        {
            var decisionReference = ScdlSubvention.DecisionReference(references.GetValueOrDefault(agreement.ApplicationId), agreement.ApplicationId.Value, agreement.DecisionId.Value);
            var lead = organisations[agreement.LeadOrganisationId];
            var members = agreement.Members.Select(m => new GrantMember(organisations[m.OrganisationId], m.BudgetShare)).ToList();
            foreach (var commitment in agreement.Funders.OrderBy(f => funders[f.FunderId].Name, StringComparer.Ordinal))
            {
                var funder = funders[commitment.FunderId];
                if (funder.Siret is null)
                {
                    withoutSiret++;
                    continue;
                }

                grants.Add(new SignedGrant(
                    agreement.Id.Value,
                    funder.Id.Value,
                    funder.Name,
                    funder.Siret,
                    agreement.Title,
                    agreement.Description,
                    commitment.Total,
                    SignedOn(agreement, funder),
                    decisionReference,
                    agreement.StartDate,
                    agreement.EndDate,
                    InstallmentCount(agreement, commitment),
                    lead,
                    members));
            }
        }

        return (grants, withoutSiret);
    }

    /// <summary>The calendar day of the last signature where the funder is.</summary>
    private static DateOnly SignedOn(Agreement agreement, Funder funder) =>
        new DateTimeOffset(DateTime.SpecifyKind(agreement.SignedAt!.Value, DateTimeKind.Utc)).Today(funder.TimeZoneId);

    /// <summary>The installments of a non-zero amount in the funder's plan (advance and balance of each year).</summary>
    private static int InstallmentCount(Agreement agreement, FunderCommitment commitment)
    {
        var plan = InstallmentPlan.FromYearAmounts(commitment.YearlyAmounts, agreement.PaymentTerms.AdvancePercentage, null, [.. agreement.Years.Select(y => y.Start)]);
        return plan.IsSuccess
            ? plan.Value.Installments.Count(i => i.Amount > 0)
            : commitment.YearlyAmounts.Count(a => a > 0);
    }
}
