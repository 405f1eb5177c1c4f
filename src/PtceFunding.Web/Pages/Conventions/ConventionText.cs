using PtceFunding.Application.Agreements;
using PtceFunding.Application.Payments;
using PtceFunding.Domain.Payments;

namespace PtceFunding.Web.Pages.Conventions;

/// <summary>How the agreement pages write an agreement in French: labels of its codes and the DSFR badges of its statuses.</summary>
public static class ConventionText
{

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
