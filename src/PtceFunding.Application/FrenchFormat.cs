using System.Globalization;

namespace PtceFunding.Application;

/// <summary>Dates as French readers expect them, in the time zone that gives them meaning (the call's).</summary>
public static class FrenchFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    public static string DateTime(DateTimeOffset instant, string timeZoneId, bool withSeconds = false) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).ToString(withSeconds ? "dd/MM/yyyy 'à' HH:mm:ss" : "dd/MM/yyyy 'à' HH:mm", French);
}
