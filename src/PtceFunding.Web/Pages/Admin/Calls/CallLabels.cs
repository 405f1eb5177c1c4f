using PtceFunding.Domain.Calls;

namespace PtceFunding.Web.Pages.Admin.Calls;

/// <summary>How a call's window reads in French (statuses and dates come from the presentation kit).</summary>
public static class CallLabels
{
    public static string Window(CallMode mode, DateOnly opensOn, DateOnly? closesOn) =>
        mode == CallMode.Continuous || closesOn is not { } closes
            ? $"En continu depuis le {Formats.Date(opensOn)}"
            : $"Du {Formats.Date(opensOn)} au {Formats.Date(closes)}";
}
