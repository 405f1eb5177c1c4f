namespace PtceFunding.Domain.Territories;

/// <summary>
/// A calendar-date deadline (échéance) in the funder's time zone: the date is met until
/// midnight at the end of that day, local time — wherever the server runs.
/// </summary>
public sealed record Deadline(DateOnly Date, string TimeZoneId)
{
    /// <summary>The last instant (exclusive) at which the deadline is still met, in UTC.</summary>
    public DateTimeOffset EndsAt
    {
        get
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
            var localMidnight = Date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(localMidnight, zone), TimeSpan.Zero);
        }
    }

    public bool IsOverdueAt(DateTimeOffset now) => now >= EndsAt;
}
