using PtceFunding.Domain.Common;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Domain.Tests.Territories;

public sealed class DeadlineTests
{
    private static readonly DateOnly June30 = new(2027, 6, 30);

    [Fact]
    public void A_deadline_in_paris_summer_time_ends_at_22_00_utc()
    {
        var deadline = new Deadline(June30, "Europe/Paris");

        Assert.Equal(new DateTimeOffset(2027, 6, 30, 22, 0, 0, TimeSpan.Zero), deadline.EndsAt);
        Assert.False(deadline.IsOverdueAt(new DateTimeOffset(2027, 6, 30, 21, 59, 59, TimeSpan.Zero)));
        Assert.True(deadline.IsOverdueAt(new DateTimeOffset(2027, 6, 30, 22, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_deadline_in_paris_winter_time_ends_at_23_00_utc()
    {
        var deadline = new Deadline(new DateOnly(2027, 1, 15), "Europe/Paris");

        Assert.Equal(new DateTimeOffset(2027, 1, 15, 23, 0, 0, TimeSpan.Zero), deadline.EndsAt);
    }

    [Fact]
    public void The_same_date_ends_earlier_in_la_reunion_than_in_paris()
    {
        var reunion = new Deadline(June30, "Indian/Reunion");
        var paris = new Deadline(June30, "Europe/Paris");
        var evening = new DateTimeOffset(2027, 6, 30, 21, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2027, 6, 30, 20, 0, 0, TimeSpan.Zero), reunion.EndsAt);
        Assert.True(reunion.IsOverdueAt(evening));
        Assert.False(paris.IsOverdueAt(evening));
    }

    [Fact]
    public void A_deadline_in_guadeloupe_ends_after_the_paris_one()
    {
        var guadeloupe = new Deadline(June30, "America/Guadeloupe");

        Assert.Equal(new DateTimeOffset(2027, 7, 1, 4, 0, 0, TimeSpan.Zero), guadeloupe.EndsAt);
    }

    [Theory]
    [InlineData("2027-06-23T10:00:00Z", 7)]
    [InlineData("2027-06-30T21:59:00Z", 0)]
    [InlineData("2027-06-30T22:00:00Z", -1)]
    [InlineData("2027-07-15T08:00:00Z", -15)]
    public void Days_before_a_deadline_count_paris_calendar_days(string now, int expected)
    {
        var today = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture).Today();

        Assert.Equal(expected, June30.DayNumber - today.DayNumber);
    }

    [Fact]
    public void Every_french_region_has_a_known_time_zone_and_a_unique_code()
    {
        Assert.Equal(18, FrenchRegion.All.Count);
        Assert.Equal(FrenchRegion.All.Count, FrenchRegion.All.Select(r => r.InseeCode).Distinct().Count());
        Assert.All(FrenchRegion.All, r => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(r.TimeZoneId)));
    }

    [Fact]
    public void A_regional_territory_contains_only_its_region()
    {
        var bretagne = Territory.Region(FrenchRegion.Find("53")!);

        Assert.True(bretagne.Contains("53"));
        Assert.False(bretagne.Contains("52"));
        Assert.Equal("Bretagne", bretagne.ToString());
        Assert.Throws<ArgumentException>(() => Territory.FromCode("99"));
    }
}
