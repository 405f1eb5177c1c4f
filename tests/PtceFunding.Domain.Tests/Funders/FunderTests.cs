using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Domain.Tests.Funders;

public sealed class FunderTests
{
    [Fact]
    public void A_regional_office_of_the_state_covers_its_region_in_its_time_zone()
    {
        var funder = Funder.Create(FunderId.New(), " DREETS Occitanie ", FunderKind.StateRegionalOffice, "76").Value;

        Assert.Equal("DREETS Occitanie", funder.Name);
        Assert.True(funder.Territory.Contains("76"));
        Assert.False(funder.Territory.Contains("84"));
        Assert.Equal("Europe/Paris", funder.TimeZoneId);
    }

    [Fact]
    public void An_overseas_region_has_its_own_time_zone()
    {
        var reunion = Funder.Create(FunderId.New(), "Région Réunion", FunderKind.Region, "04").Value;

        Assert.Equal("Indian/Reunion", reunion.TimeZoneId);
    }

    [Fact]
    public void The_state_at_national_level_sees_every_region()
    {
        var state = Funder.Create(FunderId.New(), "État", FunderKind.StateNational, null).Value;

        Assert.True(state.Territory.IsNational);
        Assert.All(FrenchRegion.All, region => Assert.True(state.Territory.Contains(region.InseeCode)));
    }

    [Theory]
    [InlineData(FunderKind.StateNational, "84", "funder.national_has_no_region")]
    [InlineData(FunderKind.Region, null, "funder.region_required")]
    [InlineData(FunderKind.StateRegionalOffice, null, "funder.region_required")]
    [InlineData(FunderKind.Region, "99", "validation")]
    public void A_funder_whose_kind_and_region_disagree_is_refused(FunderKind kind, string? region, string expectedCode)
    {
        var result = Funder.Create(FunderId.New(), "Financeur", kind, region);

        Assert.False(result.IsSuccess);
        Assert.Equal(expectedCode, result.Error.Code);
    }

    [Fact]
    public void A_retried_creation_is_recognised_as_the_same_funder()
    {
        var funder = Funder.Create(FunderId.New(), "Région Bretagne", FunderKind.Region, "53").Value;

        Assert.True(funder.SameAs(" Région Bretagne", FunderKind.Region, "53"));
        Assert.False(funder.SameAs("Région Bretagne", FunderKind.Region, "52"));
    }

    [Fact]
    public void Each_saved_change_increments_the_version()
    {
        var funder = Funder.Create(FunderId.New(), "Région Bretagne", FunderKind.Region, "53").Value;

        funder.IncrementVersion();
        funder.IncrementVersion();

        Assert.Equal(2, funder.Version);
    }

    [Fact]
    public void A_failed_result_has_no_value()
    {
        Result<int> failed = Error.Conflict("x", "y");

        Assert.Throws<InvalidOperationException>(() => failed.Value);
    }

    [Fact]
    public void A_funder_records_a_valid_siret_refuses_a_wrong_key_and_clears_it_when_blank()
    {
        var funder = Funder.Create(FunderId.New(), "Région Bretagne", FunderKind.Region, "53").Value;

        var valid = funder.SetSiret("233 500 019 00010");
        var recorded = funder.Siret;
        var wrongKey = funder.SetSiret("23350001900011");
        var afterWrongKey = funder.Siret;
        var cleared = funder.SetSiret(" ");

        Assert.True(valid.IsSuccess);
        Assert.Equal("23350001900010", recorded);
        Assert.False(wrongKey.IsSuccess);
        Assert.True(wrongKey.Error.FieldErrors.ContainsKey("Siret"));
        Assert.Equal("23350001900010", afterWrongKey);
        Assert.True(cleared.IsSuccess);
        Assert.Null(funder.Siret);
    }
}
