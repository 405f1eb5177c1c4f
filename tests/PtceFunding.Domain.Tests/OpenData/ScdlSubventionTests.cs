using PtceFunding.Application.OpenData;

namespace PtceFunding.Domain.Tests.OpenData;

public sealed class ScdlSubventionTests
{
    private static readonly GrantBeneficiary Lead = new(Guid.NewGuid(), "SCIC Lyon", "51203456700010", null);
    private static readonly GrantBeneficiary Partner = new(Guid.NewGuid(), "Association Partenaire", null, "W691000123");
    private static readonly GrantBeneficiary Small = new(Guid.NewGuid(), "Petit membre", "80123456700015", null);

    [Fact]
    public void The_columns_are_the_sixteen_of_the_scdl_schema_in_its_order()
    {
        Assert.Equal(
            "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide",
            string.Join(',', ScdlSubvention.Columns));
    }

    [Fact]
    public void Each_member_with_a_share_gets_a_row_lead_first_with_its_share_and_the_funders_total_before_split()
    {
        var rows = ScdlSubvention.For(Grant([new(Partner, 39.5m), new(Lead, 60m), new(Small, 0.5m)]));

        Assert.Equal(["SCIC Lyon", "Association Partenaire"], rows.Select(r => r.NomBeneficiaire));
        var lead = rows[0].Fields;
        Assert.Equal(
            ["DREETS Auvergne-Rhône-Alpes", "13000952100035", "2026-12-01", "PTCE-2026-8F3A2C91D0/D-5E6F7A8B", "SCIC Lyon", "51203456700010", "",
                "Pôle coopératif du Rhône", "90000.00", "aide en numéraire", "échelonné", "2027-01-01/2028-12-31", "", "non", "0.60", ""],
            lead);
        Assert.Equal(["", "W691000123", "0.395"], [rows[1].Fields[5], rows[1].Fields[6], rows[1].Fields[14]]);
        Assert.All(rows, r => Assert.Equal("90000.00", r.Fields[8]));
    }

    [Fact]
    public void Without_any_share_the_lead_member_gets_the_whole_grant_and_a_single_installment_is_unique()
    {
        var rows = ScdlSubvention.For(Grant([new(Lead, null), new(Partner, 0m)], installments: 1));

        var row = Assert.Single(rows);
        Assert.Equal("SCIC Lyon", row.NomBeneficiaire);
        Assert.Equal("1.00", row.Fields[14]);
        Assert.Equal("unique", row.Fields[10]);
    }

    [Fact]
    public void A_title_of_256_characters_or_more_is_cut_to_255_ending_with_an_ellipsis_and_a_cent_amount_keeps_two_decimals()
    {
        var rows = ScdlSubvention.For(Grant([new(Lead, 100m)], title: new string('a', 253) + "😀 suite", amount: 23_000.1m));

        var objet = rows[0].Objet;
        Assert.True(objet.Length <= 255);
        Assert.EndsWith("…", objet, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(objet[^2]));
        Assert.Equal("23000.10", rows[0].Fields[8]);
        Assert.Equal("1.00", rows[0].Fields[14]);
    }

    [Fact]
    public void The_decision_reference_is_the_receipt_number_and_the_random_end_of_the_decision_id()
    {
        var decision = Guid.Parse("0196a000-0001-7000-8000-0000a1b2c3d4");

        Assert.Equal("PTCE-2026-8F3A2C91D0/D-A1B2C3D4", ScdlSubvention.DecisionReference("PTCE-2026-8F3A2C91D0", Guid.NewGuid(), decision));
    }

    [Fact]
    public void The_360giving_grant_names_the_lead_member_by_siret_or_rna_and_the_funder_by_siret()
    {
        var bySiret = ThreeSixtyGivingGrant.For(Grant([new(Lead, 60m), new(Partner, 40m)]));
        var byRna = ThreeSixtyGivingGrant.For(Grant([new(Partner, 100m)]) with { Lead = Partner });

        Assert.Equal("FR-SIRET-51203456700010", Assert.Single(bySiret.RecipientOrganization).Id);
        Assert.Equal("FR-SIRET-13000952100035", Assert.Single(bySiret.FundingOrganization).Id);
        Assert.Equal("FR-RNA-W691000123", Assert.Single(byRna.RecipientOrganization).Id);
        Assert.Equal(("2027-01-01", "2028-12-31", 24), (bySiret.PlannedDates[0].StartDate, bySiret.PlannedDates[0].EndDate, bySiret.PlannedDates[0].Duration));
        Assert.Equal(("EUR", 90_000m, "2026-12-01"), (bySiret.Currency, bySiret.AmountAwarded, bySiret.AwardDate));
    }

    private static SignedGrant Grant(IReadOnlyList<GrantMember> members, int installments = 4, string title = "Pôle coopératif du Rhône", decimal amount = 90_000m) =>
        new(
            Guid.NewGuid(),
            Guid.NewGuid(),
            "DREETS Auvergne-Rhône-Alpes",
            "13000952100035",
            title,
            "Mutualiser un atelier.",
            amount,
            new DateOnly(2026, 12, 1),
            "PTCE-2026-8F3A2C91D0/D-5E6F7A8B",
            new DateOnly(2027, 1, 1),
            new DateOnly(2028, 12, 31),
            installments,
            Lead,
            members);
}
