using PtceFunding.Application.Agreements;
using PtceFunding.Application.Payments;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Payments;

namespace PtceFunding.Web.Pages.Conventions;

/// <summary>How the agreement pages write an agreement in French: labels of its codes and the DSFR badges of its statuses.</summary>
public static class ConventionText
{
    public static string Status(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "En projet",
        AgreementStatus.Signed => "Signée",
        AgreementStatus.Active => "En cours d'exécution",
        AgreementStatus.Completed => "Achevée",
        AgreementStatus.TerminatedEarly => "Résiliée",
        _ => status.ToString(),
    };

    public static string StatusBadge(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "fr-badge--info",
        AgreementStatus.Signed or AgreementStatus.Active => "fr-badge--success",
        AgreementStatus.TerminatedEarly => "fr-badge--error",
        _ => "",
    };

    /// <summary>Prévue, À payer, Bloquée, Mise en paiement, Payée, Annulée.</summary>
    public static string InstallmentBadge(InstallmentStatus status) => status switch
    {
        InstallmentStatus.Scheduled => "fr-badge--info",
        InstallmentStatus.Due => "fr-badge--new",
        InstallmentStatus.Blocked => "fr-badge--error",
        InstallmentStatus.Ordered => "fr-badge--warning",
        InstallmentStatus.Paid => "fr-badge--success",
        _ => "",
    };

    public static string Amendment(AmendmentKind kind) => kind switch
    {
        AmendmentKind.Initial => "Convention initiale",
        AmendmentKind.ChangeAmount => "Avenant financier (montant)",
        AmendmentKind.ExtendDuration => "Avenant de prolongation",
        AmendmentKind.ChangeYearlySplit => "Avenant de répartition annuelle",
        AmendmentKind.ChangeLeadMember => "Avenant de changement de chef de file",
        _ => kind.ToString(),
    };

    public static string Report(ReportKind kind) => kind switch
    {
        ReportKind.Activity => "Compte rendu d'activité",
        ReportKind.Financial => "Compte rendu financier",
        ReportKind.Final => "Compte rendu final",
        _ => kind.ToString(),
    };

    public static string Condition(InstallmentView installment)
    {
        ArgumentNullException.ThrowIfNull(installment);
        return installment.Condition switch
        {
            ReleaseCondition.YearReportsApproved => $"Après approbation des comptes rendus de l'année {installment.Year}",
            ReleaseCondition.FinalReportApproved => "Après approbation du compte rendu final",
            _ => installment.Year == 1 ? "À la signature" : "Au début de l'année",
        };
    }

    public static string Recovery(RecoveryState state) => state == RecoveryState.Settled ? "Soldé" : "En cours";

    public static string Years(AgreementView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.AnniversaryYears ? "années anniversaires, à compter de la date de début" : "années budgétaires (civiles), la première et la dernière pouvant être partielles";
    }

    /// <summary>The name of an organisation of the consortium (a version's lead member is one of its members).</summary>
    public static string Organisation(AgreementView view, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.LeadMember.Id == organisationId
            ? view.LeadMember.Name
            : view.Members.FirstOrDefault(m => m.OrganisationId == organisationId)?.Name ?? "—";
    }

    public static string Funder(AgreementView view, Guid funderId)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Funders.FirstOrDefault(f => f.FunderId == funderId)?.Name ?? "—";
    }
}
