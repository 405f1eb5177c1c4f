using System.Globalization;
using PtceFunding.Domain.Calls;

namespace PtceFunding.Web.Pages.Admin.Calls;

/// <summary>French wording of call statuses, modes and dates.</summary>
public static class CallLabels
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Status(CallStatus status) => status switch
    {
        CallStatus.Draft => "En préparation",
        CallStatus.Published => "Publié",
        CallStatus.Closed => "Clôturé",
        _ => "Archivé",
    };

    public static string StatusBadge(CallStatus status) => status switch
    {
        CallStatus.Draft => "fr-badge--info",
        CallStatus.Published => "fr-badge--success",
        CallStatus.Closed => "fr-badge--warning",
        _ => "",
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);

    public static string Window(CallMode mode, DateOnly opensOn, DateOnly? closesOn) =>
        mode == CallMode.Continuous || closesOn is not { } closes
            ? $"En continu depuis le {Date(opensOn)}"
            : $"Du {Date(opensOn)} au {Date(closes)}";

    public static string Session(SessionStatus status) => status switch
    {
        SessionStatus.Planned => "Planifiée",
        SessionStatus.Open => "Ouverte",
        _ => "Close",
    };
}
