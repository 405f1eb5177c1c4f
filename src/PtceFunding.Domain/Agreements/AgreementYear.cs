namespace PtceFunding.Domain.Agreements;

/// <summary>
/// One year of an agreement: a budget (calendar) year, the first and last of which may be partial, or an
/// anniversary year counted from the start date. <see cref="FullYearDays"/> is the length of the whole
/// year it belongs to, so a partial year weighs <see cref="Days"/> / <see cref="FullYearDays"/>.
/// </summary>
public sealed record AgreementYear(int Number, DateOnly Start, DateOnly End, int FullYearDays)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool IsPartial => Days < FullYearDays;

    /// <summary>1 for a full year; the share of the year covered otherwise (e.g. 275/365 from 1 April to 31 December).</summary>
    public decimal ProrataWeight => IsPartial ? (decimal)Days / FullYearDays : 1m;

    /// <summary>The last day of an agreement of <paramref name="durationYears"/> starting on <paramref name="start"/>.</summary>
    public static DateOnly EndOf(DateOnly start, int durationYears) => start.AddYears(durationYears).AddDays(-1);

    /// <summary>
    /// The years of an agreement from <paramref name="start"/> for <paramref name="durationYears"/>: calendar
    /// years cut at 1 January (one more than the duration when the start is not a 1 January), or
    /// anniversary years (exactly the duration).
    /// </summary>
    public static IReadOnlyList<AgreementYear> Sequence(DateOnly start, int durationYears, bool anniversaryYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(durationYears, 1);
        var years = new List<AgreementYear>();
        if (anniversaryYears)
        {
            for (var i = 0; i < durationYears; i++)
            {
                var from = start.AddYears(i);
                var to = start.AddYears(i + 1).AddDays(-1);
                years.Add(new AgreementYear(i + 1, from, to, to.DayNumber - from.DayNumber + 1));
            }

            return years;
        }

        var end = EndOf(start, durationYears);
        for (var from = start; from <= end; from = new DateOnly(from.Year + 1, 1, 1))
        {
            var december31 = new DateOnly(from.Year, 12, 31);
            var to = december31 < end ? december31 : end;
            years.Add(new AgreementYear(years.Count + 1, from, to, DateTime.IsLeapYear(from.Year) ? 366 : 365));
        }

        return years;
    }
}
