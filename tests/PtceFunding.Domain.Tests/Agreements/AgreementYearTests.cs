using PtceFunding.Domain.Agreements;

namespace PtceFunding.Domain.Tests.Agreements;

public sealed class AgreementYearTests
{
    [Fact]
    public void Calendar_years_of_a_three_year_agreement_starting_in_april_have_a_partial_first_and_last_year()
    {
        var years = AgreementYear.Sequence(new DateOnly(2027, 4, 1), 3, anniversaryYears: false);

        Assert.Equal(
            [
                (1, new DateOnly(2027, 4, 1), new DateOnly(2027, 12, 31)),
                (2, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)),
                (3, new DateOnly(2029, 1, 1), new DateOnly(2029, 12, 31)),
                (4, new DateOnly(2030, 1, 1), new DateOnly(2030, 3, 31)),
            ],
            years.Select(y => (y.Number, y.Start, y.End)));
        Assert.Equal([true, false, false, true], years.Select(y => y.IsPartial));
        Assert.Equal(275m / 365m, years[0].ProrataWeight);
        Assert.Equal(1m, years[1].ProrataWeight);
        Assert.Equal(1m, years[2].ProrataWeight);
        Assert.Equal(90m / 365m, years[3].ProrataWeight);
    }

    [Fact]
    public void Calendar_years_of_an_agreement_starting_on_the_first_of_january_are_all_full()
    {
        var years = AgreementYear.Sequence(new DateOnly(2028, 1, 1), 2, anniversaryYears: false);

        Assert.Equal([366, 365], years.Select(y => y.Days));
        Assert.All(years, y => Assert.Equal(1m, y.ProrataWeight));
    }

    [Fact]
    public void A_partial_year_in_a_leap_year_is_weighed_against_366_days()
    {
        var years = AgreementYear.Sequence(new DateOnly(2028, 7, 1), 1, anniversaryYears: false);

        Assert.Equal(184, years[0].Days);
        Assert.Equal(184m / 366m, years[0].ProrataWeight);
        Assert.Equal(new DateOnly(2029, 6, 30), years[1].End);
        Assert.Equal(181m / 365m, years[1].ProrataWeight);
    }

    [Fact]
    public void Anniversary_years_run_from_the_start_date_and_are_all_full()
    {
        var years = AgreementYear.Sequence(new DateOnly(2027, 4, 1), 3, anniversaryYears: true);

        Assert.Equal(
            [
                (new DateOnly(2027, 4, 1), new DateOnly(2028, 3, 31)),
                (new DateOnly(2028, 4, 1), new DateOnly(2029, 3, 31)),
                (new DateOnly(2029, 4, 1), new DateOnly(2030, 3, 31)),
            ],
            years.Select(y => (y.Start, y.End)));
        Assert.All(years, y => Assert.Equal(1m, y.ProrataWeight));
        Assert.Equal([366, 365, 365], years.Select(y => y.Days));
    }
}
