using System.Globalization;
using PtceFunding.Application;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Web.Presentation;

/// <summary>
/// The one way pages write a date (30/06/2028), a moment (30/06/2028 à 10:00, Paris time unless the call says
/// otherwise), an amount (12 345,67 €) and a number typed back into a form (12345,67). Dates and moments are those
/// of <see cref="FrenchFormat"/>, which the notices and the API's texts use too; amounts are those of
/// <see cref="Domain.Common.Money.Format"/>.
/// </summary>
public static class Formats
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"30/06/2028".</summary>
    public static string Date(DateOnly date) => FrenchFormat.Date(date);

    public static string Date(DateOnly? date, string missing = "non renseignée") => date is { } d ? Date(d) : missing;

    /// <summary>"30/06/2028": the day of an instant, in metropolitan France.</summary>
    public static string Date(DateTime utc) => Date(DateOnly.FromDateTime(Paris(utc).DateTime));

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Metropolitan).DateTime));

    /// <summary>"30/06/2028 à 10:00", in the call's time zone (metropolitan France by default).</summary>
    public static string DateTime(DateTime utc, string? timeZoneId = null) =>
        FrenchFormat.DateTime(new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)), timeZoneId ?? FrenchRegion.MetropolitanTimeZone);

    public static string DateTime(DateTime? utc, string missing) => utc is { } value ? DateTime(value) : missing;

    /// <summary>"30/06/2028 à 10:00:05", Paris time: for the runs of technical jobs, which can follow each other within a minute.</summary>
    public static string DateTimeToTheSecond(DateTime? utc) => utc is { } value
        ? FrenchFormat.DateTime(new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc)), FrenchRegion.MetropolitanTimeZone, withSeconds: true)
        : "—";

    public static string DateTime(DateTimeOffset instant, string? timeZoneId = null) =>
        FrenchFormat.DateTime(instant, timeZoneId ?? FrenchRegion.MetropolitanTimeZone);

    /// <summary>"juin 2028", a month heading.</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", French);

    /// <summary>"12 345,67 €".</summary>
    public static string Money(decimal amount) => Domain.Common.Money.Format(amount);

    public static string Money(decimal? amount, string missing = "—") => amount is { } a ? Money(a) : missing;

    /// <summary>An amount or a number as shown in an input: "12345,67" (no thousands separator, so that it reads back).</summary>
    public static string Input(decimal? value) => value?.ToString("0.##", French) ?? "";

    /// <summary>The value of a date input: "2028-06-30".</summary>
    public static string Input(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>"72 / 100", "82,5 / 100".</summary>
    public static string Score(decimal? score) => score is { } value ? $"{value.ToString("0.##", French)} / 100" : "—";

    /// <summary>"1,5 Mo", "12 ko".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} octets",
        < 1024 * 1024 => $"{(bytes / 1024m).ToString("0.#", French)} ko",
        _ => $"{(bytes / (1024m * 1024m)).ToString("0.#", French)} Mo",
    };

    private static TimeZoneInfo Metropolitan => TimeZoneInfo.FindSystemTimeZoneById(FrenchRegion.MetropolitanTimeZone);

    private static DateTimeOffset Paris(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Metropolitan);
}
