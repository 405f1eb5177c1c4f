using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Committee;

namespace PtceFunding.Web.Pages.Comite;

/// <summary>The French labels of the committee pages.</summary>
public static class CommitteeText
{
    public static string Status(SessionStatus status) => status switch
    {
        SessionStatus.Planned => "Planifiée",
        SessionStatus.Open => "Ouverte",
        _ => "Close",
    };

    public static string StatusBadge(SessionStatus status) => status switch
    {
        SessionStatus.Planned => "fr-badge--info",
        SessionStatus.Open => "fr-badge--success",
        _ => "",
    };

    public static string Outcome(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Accepted => "Retenu",
        DecisionOutcome.Rejected => "Refusé",
        _ => "Ajourné",
    };

    public static string OutcomeBadge(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Accepted => "fr-badge--success",
        DecisionOutcome.Rejected => "fr-badge--error",
        _ => "fr-badge--warning",
    };

    public static string Shape(ScheduleShape? shape) => shape switch
    {
        ScheduleShape.Flat => "constant",
        ScheduleShape.Tapering => "dégressif",
        ScheduleShape.RampUp => "progressif",
        _ => "—",
    };

    public static string Score(decimal? score) => score is { } value ? $"{value:0.#} / 100" : "—";
}
