using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Agreements;
using PtceFunding.Application.Payments;
using PtceFunding.Application.Reporting;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Committee;
using PtceFunding.Domain.Notifications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Reviews;

namespace PtceFunding.Web.Presentation;

/// <summary>
/// The one French label of each displayed enum value. Where the API or the domain's messages also say it
/// (statusLabel, kindLabel, "Impossible de … un dossier au statut « … »"), the label comes from their map,
/// so a page and the API never disagree. A value without a label does not compile into a default: it throws.
/// </summary>
public static class Labels
{
    // Maps shared with the API and the domain's messages.
    public static string Of(ApplicationStatus status) => ApplicationWorkflow.StatusLabel(status);

    public static string Of(AgreementStatus status) => AgreementWorkflow.StatusLabel(status);

    public static string Of(InstallmentStatus status) => PaymentText.StatusLabel(status);

    public static string Of(InstallmentKind kind) => PaymentText.KindLabel(kind);

    public static string Of(RecoveryCause cause) => PaymentText.CauseLabel(cause);

    public static string Of(ReportStatus status) => ReportText.StatusLabel(status);

    public static string Of(ReportState outcome) => ReportText.OutcomeLabel(outcome);

    public static string Of(ReportKind kind) => Report.KindLabel(kind);

    public static string Of(AmendmentKind kind) => AmendmentText.KindLabel(kind);

    public static string Of(LegalForm form) => LegalForms.Label(form);

    // Maps only the pages need.
    public static string Of(CallStatus status) => status switch
    {
        CallStatus.Draft => "En préparation",
        CallStatus.Published => "Publié",
        CallStatus.Closed => "Clôturé",
        CallStatus.Archived => "Archivé",
        _ => throw Unknown(status),
    };

    public static string Of(SessionStatus status) => status switch
    {
        SessionStatus.Planned => "Planifiée",
        SessionStatus.Open => "Ouverte",
        SessionStatus.Closed => "Close",
        _ => throw Unknown(status),
    };

    public static string Of(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Accepted => "Retenu",
        DecisionOutcome.Rejected => "Non retenu",
        DecisionOutcome.Deferred => "Ajourné",
        _ => throw Unknown(outcome),
    };

    public static string Of(ScheduleShape shape) => shape switch
    {
        ScheduleShape.Flat => "Linéaire",
        ScheduleShape.Tapering => "Dégressif",
        ScheduleShape.RampUp => "Progressif",
        _ => throw Unknown(shape),
    };

    public static string Of(ScheduleShape? shape) => shape is { } value ? Of(value) : "—";

    public static string Of(ApplicationEventKind kind) => kind switch
    {
        ApplicationEventKind.Submitted => "Dépôt",
        ApplicationEventKind.Assigned => "Attribution",
        ApplicationEventKind.CorrectionsRequested => "Corrections demandées",
        ApplicationEventKind.Resubmitted => "Nouveau dépôt",
        ApplicationEventKind.CompletenessConfirmed => "Complétude",
        ApplicationEventKind.DeclaredEligible => "Éligibilité",
        ApplicationEventKind.DeclaredIneligible => "Inéligibilité",
        ApplicationEventKind.Proposed => "Proposition",
        ApplicationEventKind.Decided => "Décision",
        ApplicationEventKind.RolledToNextSession => "Report de session",
        ApplicationEventKind.Withdrawn => "Retrait",
        _ => throw Unknown(kind),
    };

    public static string Of(ReviewOpinion opinion) => opinion switch
    {
        ReviewOpinion.Favourable => "Favorable",
        ReviewOpinion.Reserved => "Réservé",
        ReviewOpinion.Unfavourable => "Défavorable",
        _ => throw Unknown(opinion),
    };

    public static string Of(ReviewOpinion? opinion) => opinion is { } value ? Of(value) : "—";

    public static string Of(ConflictDeclaration declaration) => declaration switch
    {
        ConflictDeclaration.Pending => "Déclaration d'intérêts attendue",
        ConflictDeclaration.NoConflict => "Aucun conflit d'intérêts déclaré",
        ConflictDeclaration.Conflict => "Conflit d'intérêts déclaré : expert récusé",
        _ => throw Unknown(declaration),
    };

    public static string Of(ExpenseCategory category) => category switch
    {
        ExpenseCategory.Purchases => "Achats",
        ExpenseCategory.ExternalServices => "Services extérieurs",
        ExpenseCategory.Staff => "Charges de personnel",
        ExpenseCategory.Taxes => "Impôts et taxes",
        ExpenseCategory.Investment => "Investissement",
        ExpenseCategory.OtherOperating => "Autres charges",
        ExpenseCategory.InKindContributions => "Contributions volontaires en nature",
        _ => throw Unknown(category),
    };

    public static string Of(ResourceSource source) => source switch
    {
        ResourceSource.State => "État",
        ResourceSource.Region => "Région",
        ResourceSource.Department => "Département",
        ResourceSource.Intercommunality => "Commune / intercommunalité",
        ResourceSource.EuFse => "FSE",
        ResourceSource.EuFeder => "FEDER",
        ResourceSource.OwnRevenue => "Ressources propres",
        ResourceSource.InKind => "Contributions en nature",
        ResourceSource.Other => "Autre",
        _ => throw Unknown(source),
    };

    public static string Of(MemberRole role) => role switch
    {
        MemberRole.Founding => "Membre fondateur",
        MemberRole.Partner => "Partenaire",
        MemberRole.LocalAuthorityPartner => "Collectivité partenaire",
        MemberRole.ResearchPartner => "Partenaire de recherche",
        MemberRole.TrainingPartner => "Partenaire de formation",
        MemberRole.Other => "Autre",
        _ => throw Unknown(role),
    };

    public static string Of(RecoveryState state) => state switch
    {
        RecoveryState.Open => "En cours",
        RecoveryState.Settled => "Soldé",
        _ => throw Unknown(state),
    };

    public static string Of(BankAccountStatus status) => status switch
    {
        BankAccountStatus.PendingApproval => "En attente d'approbation",
        BankAccountStatus.Approved => "Approuvées",
        BankAccountStatus.Rejected => "Refusées",
        BankAccountStatus.Superseded => "Remplacées",
        _ => throw Unknown(status),
    };

    public static string Of(MembershipStatus status) => status switch
    {
        MembershipStatus.Pending => "En attente de vérification",
        MembershipStatus.Verified => "Vérifiée",
        MembershipStatus.Rejected => "Refusée",
        _ => throw Unknown(status),
    };

    public static string Of(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "En attente",
        DeliveryStatus.Sent => "Envoyée",
        DeliveryStatus.Failed => "En échec",
        _ => throw Unknown(status),
    };

    public static string Of(ScheduledJobState state) => state switch
    {
        ScheduledJobState.Normal => "Active",
        ScheduledJobState.Paused => "En pause",
        ScheduledJobState.Error => "En erreur",
        _ => throw Unknown(state),
    };

    private static ArgumentOutOfRangeException Unknown<T>(T value)
        where T : struct, Enum =>
        new(nameof(value), value, $"{typeof(T).Name}.{value} has no French label.");
}
