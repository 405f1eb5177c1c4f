using System.Globalization;

namespace PtceFunding.Application.OpenData;

/// <summary>
/// One row of the SCDL Subventions export (schema 2.1.1, schema.data.gouv.fr/scdl/subventions), the format in which
/// décret 2017-779 requires the essential data of subsidy agreements to be published. This type is THE mapping from
/// a signed agreement to SCDL: every rule is in the doc comments of its members, and <see cref="For"/> applies them.
/// Rows: one per funder (attribuant) × beneficiary share of each signed agreement (docs/adr/0021).
/// </summary>
public sealed record ScdlSubvention(
    string NomAttribuant,
    string IdAttribuant,
    DateOnly DateConvention,
    string ReferenceDecision,
    string NomBeneficiaire,
    string? IdBeneficiaire,
    string? RnaBeneficiaire,
    string Objet,
    decimal Montant,
    string ConditionsVersement,
    DateOnly PeriodeDebut,
    DateOnly PeriodeFin,
    decimal PourcentageSubvention)
{
    /// <summary>
    /// The law requires publishing the grants above €23,000 (décret 2017-779, art. 10 of loi 2000-321): the public
    /// export holds the grants whose funder's total in the agreement is strictly greater than this amount.
    /// </summary>
    public const decimal PublicationThreshold = 23_000m;

    /// <summary><c>nature</c>: the platform only grants money.</summary>
    public const string Nature = "aide en numéraire";

    /// <summary><c>notificationUE</c>: PTCE grants are not notified to the European Commission as de minimis aid.</summary>
    public const string NotificationUE = "non";

    /// <summary><c>objet</c> has fewer than 256 characters.</summary>
    public const int ObjetMaxLength = 255;

    /// <summary>The columns, with the schema's exact names, in the schema's order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire",
        "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention",
        "dispositifAide",
    ];

    /// <summary>
    /// The values in the order of <see cref="Columns"/>: ISO dates (YYYY-MM-DD), <c>montant</c> with a point and two
    /// decimals (the total before split between beneficiaries), <c>datesPeriodeVersement</c> as the period
    /// <c>start/end</c> of the agreement, <c>pourcentageSubvention</c> as a decimal between 0.01 and 1 with a point
    /// (at least two decimals, four at most); <c>idRAE</c> and <c>dispositifAide</c> empty (PTCE grants are in
    /// neither register); a missing SIRET or RNA is an empty value.
    /// </summary>
    public IReadOnlyList<string> Fields =>
    [
        NomAttribuant,
        IdAttribuant,
        Iso(DateConvention),
        ReferenceDecision,
        NomBeneficiaire,
        IdBeneficiaire ?? "",
        RnaBeneficiaire ?? "",
        Objet,
        Montant.ToString("0.00", CultureInfo.InvariantCulture),
        Nature,
        ConditionsVersement,
        $"{Iso(PeriodeDebut)}/{Iso(PeriodeFin)}",
        "",
        NotificationUE,
        PourcentageSubvention.ToString("0.00##", CultureInfo.InvariantCulture),
        "",
    ];

    /// <summary>
    /// The rows of one funder's grant in one agreement:
    /// <list type="bullet">
    /// <item><c>nomAttribuant</c>/<c>idAttribuant</c>: the funder's name and SIRET.</item>
    /// <item><c>dateConvention</c>: the day the agreement was signed (its last signature).</item>
    /// <item><c>referenceDecision</c>: the committee decision's reference, <see cref="DecisionReference"/>.</item>
    /// <item><c>nomBeneficiaire</c>, <c>idBeneficiaire</c> (SIRET), <c>rnaBeneficiaire</c>: one row for each member of
    /// the consortium whose budget share is at least 1 % (the schema's minimum, 0.01), lead member first, with
    /// <c>pourcentageSubvention</c> = its share / 100 — as declared, so the percentages of an agreement add up to 1 only
    /// when the members' shares add up to 100 %. When no member declares a share of 1 % or more, one row for the lead
    /// member with <c>pourcentageSubvention</c> = 1.</item>
    /// <item><c>objet</c>: the agreement's title, cut to <see cref="ObjetMaxLength"/> characters (ending with "…").</item>
    /// <item><c>montant</c>: the funder's total under the agreement's current terms, the same on every row (the schema's
    /// "total before split between beneficiaries").</item>
    /// <item><c>conditionsVersement</c>: <c>échelonné</c> when the funder pays in more than one installment, else <c>unique</c>.</item>
    /// <item><c>datesPeriodeVersement</c>: the agreement's first and last days.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<ScdlSubvention> For(SignedGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var shares = grant.Members
            .Where(m => m.BudgetShare is >= 1m)
            .OrderByDescending(m => m.Organisation.OrganisationId == grant.Lead.OrganisationId)
            .Select(m => (m.Organisation, Share: m.BudgetShare!.Value / 100m))
            .ToList();
        if (shares.Count == 0)
        {
            shares.Add((grant.Lead, 1m));
        }

        var objet = Truncate(grant.Title.Trim(), ObjetMaxLength);
        var conditions = grant.InstallmentCount > 1 ? "échelonné" : "unique";
        return
        [
            .. shares.Select(s => new ScdlSubvention(
                grant.FunderName,
                grant.FunderSiret,
                grant.SignedOn,
                grant.DecisionReference,
                s.Organisation.Name,
                s.Organisation.Siret,
                s.Organisation.Rna,
                objet,
                grant.Amount,
                conditions,
                grant.StartDate,
                grant.EndDate,
                decimal.Round(s.Share, 4))),
        ];
    }

    /// <summary>
    /// "PTCE-2026-8F3A2C91D0/D-5E6F7A8B": the application's receipt number, then "D-" and the last 8 hexadecimal digits
    /// of the committee decision's identifier (its random part) — stable, readable, and different for a later
    /// decision that supersedes the first one.
    /// </summary>
    public static string DecisionReference(string? applicationReference, Guid applicationId, Guid decisionId) =>
        $"{applicationReference ?? applicationId.ToString("N")[^10..].ToUpperInvariant()}/D-{decisionId.ToString("N")[^8..].ToUpperInvariant()}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>At most <paramref name="max"/> characters, never cutting a surrogate pair in two.</summary>
    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
