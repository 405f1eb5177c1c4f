using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;

namespace PtceFunding.Web.Pages.Finances;

/// <summary>How the finance pages show statuses: DSFR badge colours (the French labels come from PaymentText and AgreementWorkflow).</summary>
public static class FinanceText
{
    public static string StatusBadge(InstallmentStatus status) => status switch
    {
        InstallmentStatus.Due => "fr-badge--new",
        InstallmentStatus.Blocked => "fr-badge--error",
        InstallmentStatus.Ordered => "fr-badge--info",
        InstallmentStatus.Paid => "fr-badge--success",
        _ => "",
    };

    public static string AgreementBadge(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "fr-badge--new",
        AgreementStatus.Signed or AgreementStatus.Active => "fr-badge--success",
        AgreementStatus.TerminatedEarly => "fr-badge--error",
        _ => "fr-badge--info",
    };
}
