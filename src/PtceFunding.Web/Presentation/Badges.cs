using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Reporting;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Committee;
using PtceFunding.Domain.Notifications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Reporting;

namespace PtceFunding.Web.Presentation;

/// <summary>
/// The one DSFR badge of each state: success (reached, in force), error (refused, blocked, late), warning (waiting on
/// someone), new (to act on now), info (in progress), neutral (over, replaced). Pages write
/// <c>class="fr-badge @Badges.Of(status)"</c> next to <see cref="Labels"/>.
/// </summary>
public static class Badges
{
    public const string Success = "fr-badge--success";
    public const string Error = "fr-badge--error";
    public const string Warning = "fr-badge--warning";
    public const string New = "fr-badge--new";
    public const string Info = "fr-badge--info";

    /// <summary>The grey DSFR badge, without modifier.</summary>
    public const string Neutral = "";

    public static IReadOnlyList<string> All { get; } = [Success, Error, Warning, New, Info, Neutral];

    public static string Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => Info,
        ApplicationStatus.Submitted or ApplicationStatus.Complete or ApplicationStatus.Eligible or ApplicationStatus.Accepted => Success,
        ApplicationStatus.CorrectionsRequested => Warning,
        ApplicationStatus.Ineligible or ApplicationStatus.Rejected => Error,
        ApplicationStatus.Withdrawn => Neutral,
        _ => throw Unknown(status),
    };

    public static string Of(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => Info,
        AgreementStatus.Signed or AgreementStatus.Active => Success,
        AgreementStatus.Completed => Neutral,
        AgreementStatus.TerminatedEarly => Error,
        _ => throw Unknown(status),
    };

    /// <summary>Prévue, À payer, Bloquée, Mise en paiement, Payée, Annulée — the same on the agreement and the finance pages.</summary>
    public static string Of(InstallmentStatus status) => status switch
    {
        InstallmentStatus.Scheduled => Info,
        InstallmentStatus.Due => New,
        InstallmentStatus.Blocked => Error,
        InstallmentStatus.Ordered => Warning,
        InstallmentStatus.Paid => Success,
        InstallmentStatus.Cancelled => Neutral,
        _ => throw Unknown(status),
    };

    /// <summary>The API returns this badge too (statusBadge): one map, in Application.</summary>
    public static string Of(ReportStatus status) => ReportText.StatusBadge(status);

    public static string Of(CallStatus status) => status switch
    {
        CallStatus.Draft => Info,
        CallStatus.Published => Success,
        CallStatus.Closed => Warning,
        CallStatus.Archived => Neutral,
        _ => throw Unknown(status),
    };

    public static string Of(SessionStatus status) => status switch
    {
        SessionStatus.Planned => Info,
        SessionStatus.Open => Success,
        SessionStatus.Closed => Neutral,
        _ => throw Unknown(status),
    };

    public static string Of(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Accepted => Success,
        DecisionOutcome.Rejected => Error,
        DecisionOutcome.Deferred => Warning,
        _ => throw Unknown(outcome),
    };

    public static string Of(BankAccountStatus status) => status switch
    {
        BankAccountStatus.PendingApproval => New,
        BankAccountStatus.Approved => Success,
        BankAccountStatus.Rejected => Error,
        BankAccountStatus.Superseded => Neutral,
        _ => throw Unknown(status),
    };

    public static string Of(MembershipStatus status) => status switch
    {
        MembershipStatus.Pending => New,
        MembershipStatus.Verified => Success,
        MembershipStatus.Rejected => Error,
        _ => throw Unknown(status),
    };

    public static string Of(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => Info,
        DeliveryStatus.Sent => Success,
        DeliveryStatus.Failed => Error,
        _ => throw Unknown(status),
    };

    public static string Of(RecoveryState state) => state switch
    {
        RecoveryState.Open => Warning,
        RecoveryState.Settled => Success,
        _ => throw Unknown(state),
    };

    public static string Of(ScheduledJobState state) => state switch
    {
        ScheduledJobState.Normal => Success,
        ScheduledJobState.Paused => Warning,
        ScheduledJobState.Error => Error,
        _ => throw Unknown(state),
    };

    private static ArgumentOutOfRangeException Unknown<T>(T value)
        where T : struct, Enum =>
        new(nameof(value), value, $"{typeof(T).Name}.{value} has no DSFR badge.");
}
