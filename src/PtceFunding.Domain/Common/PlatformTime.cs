namespace PtceFunding.Domain.Common;

/// <summary>
/// The one "today" of the platform: the calendar date in the platform's time zone (Europe/Paris), or in a
/// call's own time zone where a call sets one, computed from the injected clock. Deadlines, reminders, payment
/// dates and holds all use it, so that none of them changes day at midnight UTC.
/// </summary>
public static class PlatformTime
{
    /// <summary>The platform's time zone: metropolitan France.</summary>
    public const string TimeZoneId = FrenchRegion.MetropolitanTimeZone;

    /// <summary>Today in the platform's time zone, or in <paramref name="timeZoneId"/> when given.</summary>
    public static DateOnly Today(this TimeProvider clock, string? timeZoneId = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().Today(timeZoneId);
    }

    /// <summary>The calendar date <paramref name="instant"/> falls on in the platform's time zone, or in <paramref name="timeZoneId"/>.</summary>
    public static DateOnly Today(this DateTimeOffset instant, string? timeZoneId = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId ?? TimeZoneId)).DateTime);
}
