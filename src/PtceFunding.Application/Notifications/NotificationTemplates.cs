using System.Net;

namespace PtceFunding.Application.Notifications;

/// <summary>
/// The French messages the platform sends. Each template has a subject and a body with
/// <c>{placeholders}</c>; the HTML part is built from the same text, HTML-encoded.
/// </summary>
public static class NotificationTemplates
{
    public const string StaffAccountCreated = nameof(StaffAccountCreated);
    public const string PasswordReset = nameof(PasswordReset);
    public const string EmailConfirmation = nameof(EmailConfirmation);
    public const string MembershipVerified = nameof(MembershipVerified);
    public const string MembershipRejected = nameof(MembershipRejected);
    public const string ApplicationAcknowledged = nameof(ApplicationAcknowledged);
    public const string ContributorInvited = nameof(ContributorInvited);
    public const string AccountAlreadyExists = nameof(AccountAlreadyExists);
    public const string OrganisationInvitation = nameof(OrganisationInvitation);
    public const string ApplicationAccepted = nameof(ApplicationAccepted);
    public const string ApplicationRejected = nameof(ApplicationRejected);
    public const string ApplicationDeferred = nameof(ApplicationDeferred);
    public const string CorrectionsRequested = nameof(CorrectionsRequested);
    public const string ApplicationIneligible = nameof(ApplicationIneligible);
    public const string ApplicationResubmitted = nameof(ApplicationResubmitted);
    public const string ReviewerAssigned = nameof(ReviewerAssigned);
    public const string ReviewerConflictDeclared = nameof(ReviewerConflictDeclared);
    public const string AgreementSigned = nameof(AgreementSigned);
    public const string BankDetailsSubmitted = nameof(BankDetailsSubmitted);
    public const string BankDetailsApproved = nameof(BankDetailsApproved);
    public const string BankDetailsRejected = nameof(BankDetailsRejected);
    public const string AgreementAmended = nameof(AgreementAmended);
    public const string AgreementTerminated = nameof(AgreementTerminated);
    public const string ReportDueReminder = nameof(ReportDueReminder);
    public const string ReportOverdueReminder = nameof(ReportOverdueReminder);
    public const string ReportOverdueEscalation = nameof(ReportOverdueEscalation);
    public const string DraftDueReminder = nameof(DraftDueReminder);
    public const string ReviewDueReminder = nameof(ReviewDueReminder);
    public const string ReviewOverdueReminder = nameof(ReviewOverdueReminder);
    public const string ReviewOverdueEscalation = nameof(ReviewOverdueEscalation);
    public const string CorrectionsDueReminder = nameof(CorrectionsDueReminder);
    public const string CorrectionsOverdueReminder = nameof(CorrectionsOverdueReminder);
    public const string CorrectionsOverdueEscalation = nameof(CorrectionsOverdueEscalation);
    public const string PaymentDueReminder = nameof(PaymentDueReminder);
    public const string ReportReturned = nameof(ReportReturned);
    public const string ReportApproved = nameof(ReportApproved);
    public const string ReportRejected = nameof(ReportRejected);
    public const string ReportSubmitted = nameof(ReportSubmitted);
    public const string BalanceReleased = nameof(BalanceReleased);

    private sealed record Template(string Subject, string[] Paragraphs, string? LinkLabel);

    private static readonly Dictionary<string, Template> Templates = new(StringComparer.Ordinal)
    {
        [StaffAccountCreated] = new(
            "Votre compte PtceFunding a été créé",
            ["Bonjour {name},", "Un compte a été ouvert pour vous sur PtceFunding ({role}, {funder}).", "Connectez-vous avec cette adresse électronique et le mot de passe initial qui vous a été communiqué séparément, puis changez-le."],
            "Se connecter"),
        [PasswordReset] = new(
            "Réinitialisation de votre mot de passe PtceFunding",
            ["Bonjour {name},", "Une réinitialisation du mot de passe de votre compte PtceFunding a été demandée. Le lien ci-dessous est valable une journée.", "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé."],
            "Choisir un nouveau mot de passe"),
        [EmailConfirmation] = new(
            "Confirmez votre adresse électronique",
            ["Bonjour {name},", "Confirmez l'adresse électronique de votre compte PtceFunding en suivant le lien ci-dessous."],
            "Confirmer mon adresse"),
        [MembershipVerified] = new(
            "Vous pouvez agir pour {organisation}",
            ["Bonjour {name},", "Votre demande d'agir pour {organisation} a été vérifiée par le chargé de mission de votre région.", "Vous pouvez désormais préparer et déposer des candidatures au nom de cette organisation."],
            "Accéder à PtceFunding"),
        [MembershipRejected] = new(
            "Votre demande d'agir pour {organisation} n'a pas été acceptée",
            ["Bonjour {name},", "Votre demande d'agir pour {organisation} n'a pas été acceptée par le chargé de mission de votre région.", "Motif : {reason}", "Vous pouvez présenter une nouvelle demande avec les justificatifs attendus."],
            "Accéder à PtceFunding"),
        [ApplicationAcknowledged] = new(
            "Accusé de réception de votre candidature {reference}",
            ["Bonjour {name},", "Votre candidature « {title} » à l'appel « {call} » a bien été déposée le {submittedAt}, au nom de {lead}.", "Numéro de dépôt : {reference}.", "{session}", "Le dossier déposé ne peut plus être modifié ; vous serez informé de chaque étape de son instruction."],
            "Voir le dossier"),
        [ContributorInvited] = new(
            "Vous êtes invité à contribuer à la candidature « {title} »",
            ["Bonjour {name},", "{inviter} ({lead}, chef de file) vous invite à contribuer, au nom de {organisation}, au dossier de candidature « {title} » à l'appel « {call} »."],
            "Ouvrir le dossier"),
        [AccountAlreadyExists] = new(
            "Vous avez déjà un compte PtceFunding",
            ["Bonjour {name},", "Une inscription à PtceFunding vient d'être demandée avec cette adresse électronique, mais vous avez déjà un compte : aucun nouveau compte n'a été créé.", "Connectez-vous avec votre mot de passe habituel. Si vous l'avez oublié, choisissez-en un nouveau depuis la page de connexion (« Mot de passe oublié ? »).", "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte reste inchangé."],
            "Se connecter"),
        [OrganisationInvitation] = new(
            "Invitation à agir pour {organisation} sur PtceFunding",
            ["Bonjour,", "{inviter} vous invite à agir pour {organisation} ({identifier}) sur PtceFunding, la plateforme de financement des pôles territoriaux de coopération économique.", "Pour accepter, connectez-vous avec un compte porteur de projet ouvert à cette adresse électronique ({email}) ; si vous n'en avez pas encore, créez-le depuis la page de connexion, confirmez votre adresse, puis ouvrez à nouveau ce lien.", "L'invitation est valable jusqu'au {expires}. Si vous ne connaissez pas {inviter}, ignorez ce message."],
            "Voir l'invitation"),
        [ApplicationAccepted] = new(
            "Votre candidature {reference} est retenue",
            ["Bonjour {name},", "Le comité de sélection réuni en session « {session} » a retenu votre candidature « {title} » à l'appel « {call} ».", "Financement accordé : {amounts}, sur {duration} an(s).", "{conditions}", "Le chargé de mission vous contactera pour préparer la convention de financement."],
            "Voir le dossier"),
        [ApplicationRejected] = new(
            "Votre candidature {reference} n'est pas retenue",
            ["Bonjour {name},", "Le comité de sélection réuni en session « {session} » n'a pas retenu votre candidature « {title} » à l'appel « {call} ».", "Motifs : {reasons}", "Vous pouvez présenter une nouvelle candidature lors d'une prochaine session."],
            "Voir le dossier"),
        [ApplicationDeferred] = new(
            "L'examen de votre candidature {reference} est ajourné",
            ["Bonjour {name},", "Le comité de sélection réuni en session « {session} » a ajourné l'examen de votre candidature « {title} » à l'appel « {call} ».", "{next}", "{reasons}"],
            "Voir le dossier"),
        [CorrectionsRequested] = new(
            "Des corrections sont demandées sur votre dossier {reference}",
            ["Bonjour {name},", "Le chargé de mission qui instruit votre candidature « {title} » à l'appel « {call} » vous demande les corrections suivantes :", "{items}", "Corrigez le dossier puis redéposez-le au plus tard le {dueOn}. Son instruction reprendra à ce moment-là."],
            "Corriger le dossier"),
        [ApplicationIneligible] = new(
            "Votre dossier {reference} n'est pas éligible",
            ["Bonjour {name},", "Après examen, votre candidature « {title} » à l'appel « {call} » a été déclarée inéligible.", "Motifs : {reasons}"],
            "Voir le dossier"),
        [ApplicationResubmitted] = new(
            "Le dossier {reference} a été redéposé",
            ["Bonjour {name},", "Le consortium ({lead}, chef de file) a corrigé et redéposé le dossier « {title} » que vous instruisez."],
            "Instruire le dossier"),
        [ReviewerAssigned] = new(
            "Expertise demandée : dossier {reference}",
            ["Bonjour {name},", "{officer} vous confie l'expertise du dossier {reference} « {title} » déposé à l'appel « {call} ».", "Avant d'accéder au contenu du dossier, déclarez l'absence ou l'existence d'un conflit d'intérêts avec lui.", "Vous noterez ensuite chaque critère de la grille d'évaluation, avec un commentaire, et rendrez votre avis."],
            "Ouvrir l'expertise"),
        [ReviewerConflictDeclared] = new(
            "Conflit d'intérêts déclaré sur le dossier {reference}",
            ["Bonjour {name},", "{reviewer}, expert désigné sur le dossier {reference} « {title} », déclare un conflit d'intérêts et se déporte : il n'a pas accès au dossier et ne rendra pas d'avis.", "Motif déclaré : {details}", "Désignez un autre expert si nécessaire."],
            "Voir le dossier"),
        [AgreementSigned] = new(
            "La convention de votre projet « {title} » est signée",
            ["Bonjour {name},", "Toutes les parties ont signé la convention pluriannuelle d'objectifs de votre projet « {title} ».", "Elle prend effet le {startDate}."],
            "Voir le dossier"),
        [BankDetailsSubmitted] = new(
            "Nouvelles coordonnées bancaires saisies pour {organisation}",
            ["Bonjour {name},", "De nouvelles coordonnées bancaires ont été saisies pour {organisation} le {at} : titulaire {holder}, IBAN {iban}.", "Elles ne prendront effet qu'après leur approbation par un gestionnaire financier ; d'ici là, les versements restent adressés aux coordonnées approuvées.", "Si personne de votre organisation n'est à l'origine de cette modification, signalez-le sans attendre au gestionnaire financier de votre région."],
            "Voir les coordonnées bancaires"),
        [BankDetailsApproved] = new(
            "Les coordonnées bancaires de {organisation} sont approuvées",
            ["Bonjour {name},", "Les coordonnées bancaires de {organisation} (titulaire {holder}, IBAN {iban}) ont été approuvées le {at} par un gestionnaire financier.", "Les prochains versements y seront adressés."],
            "Voir les coordonnées bancaires"),
        [BankDetailsRejected] = new(
            "Les coordonnées bancaires saisies pour {organisation} ne sont pas approuvées",
            ["Bonjour {name},", "Les coordonnées bancaires saisies pour {organisation} (titulaire {holder}, IBAN {iban}) n'ont pas été approuvées par le gestionnaire financier.", "Motif : {reason}", "Les versements restent adressés aux coordonnées précédemment approuvées, s'il y en a. Vous pouvez saisir des coordonnées corrigées."],
            "Voir les coordonnées bancaires"),
        [AgreementAmended] = new(
            "Avenant n° {number} à la convention de votre projet « {title} »",
            ["Bonjour {name},", "L'avenant n° {number} ({kind}) à la convention pluriannuelle d'objectifs de votre projet « {title} » a été enregistré ; il prend effet le {effectiveOn}.", "Objet : {reason}", "{summary}", "Les échéances déjà mises en paiement ou payées sont conservées ; les autres sont recalculées selon les nouvelles conditions."],
            "Voir la convention"),
        [AgreementTerminated] = new(
            "La convention de votre projet « {title} » est résiliée",
            ["Bonjour {name},", "La convention pluriannuelle d'objectifs de votre projet « {title} » est résiliée à compter du {effectiveOn}.", "Motif : {reason}", "{summary}", "Les échéances non encore payées sont annulées."],
            "Voir la convention"),
        [ReportDueReminder] = new(
            "Rappel : {report} à déposer avant le {dueOn}",
            ["Bonjour {name},", "Le {report} de la convention « {title} » est à déposer sur PtceFunding au plus tard le {dueOn} ({when}).", "Renseignez les indicateurs et joignez les pièces demandées, puis déposez-le. Un compte rendu en retard suspend les versements de la convention."],
            "Déposer le compte rendu"),
        [ReportOverdueReminder] = new(
            "Échéance dépassée : {report} attendu le {dueOn}",
            ["Bonjour {name},", "Le {report} de la convention « {title} » était attendu le {dueOn} ({when}) et n'a pas été déposé.", "Tant qu'il est en retard, les versements de la convention sont suspendus. Déposez-le dès que possible."],
            "Déposer le compte rendu"),
        [ReportOverdueEscalation] = new(
            "Compte rendu en retard : convention « {title} »",
            ["Bonjour {name},", "Le {report} de la convention « {title} » ({lead}) était attendu le {dueOn} : il n'est toujours pas déposé ({when}).", "Les versements de la convention sont suspendus tant qu'il est en retard. Le chef de file a été relancé."],
            "Voir la convention"),
        [DraftDueReminder] = new(
            "Rappel : candidature « {title} » à déposer avant le {dueOn}",
            ["Bonjour {name},", "Votre candidature « {title} » à l'appel « {call} » est encore en brouillon.", "Pour être examinée à la session « {session} », elle doit être déposée au plus tard le {dueOn} ({when})."],
            "Ouvrir le dossier"),
        [ReviewDueReminder] = new(
            "Rappel : avis d'expert sur le dossier {reference} à remettre avant le {dueOn}",
            ["Bonjour {name},", "Votre avis d'expert sur le dossier {reference} « {title} » est attendu au plus tard le {dueOn} ({when})."],
            "Ouvrir l'expertise"),
        [ReviewOverdueReminder] = new(
            "Échéance dépassée : avis d'expert sur le dossier {reference}",
            ["Bonjour {name},", "Votre avis d'expert sur le dossier {reference} « {title} » était attendu le {dueOn} ({when}) et n'a pas été remis.", "Remettez-le dès que possible, ou déclarez un conflit d'intérêts si vous ne pouvez pas l'examiner."],
            "Ouvrir l'expertise"),
        [ReviewOverdueEscalation] = new(
            "Avis d'expert en retard sur le dossier {reference}",
            ["Bonjour {name},", "{reviewer}, expert que vous avez désigné sur le dossier {reference} « {title} », n'a pas remis son avis attendu le {dueOn} ({when}).", "Relancez-le ou désignez un autre expert si nécessaire."],
            "Voir le dossier"),
        [CorrectionsDueReminder] = new(
            "Rappel : corrections du dossier {reference} à déposer avant le {dueOn}",
            ["Bonjour {name},", "Des corrections ont été demandées sur votre candidature « {title} ». Corrigez le dossier puis redéposez-le au plus tard le {dueOn} ({when})."],
            "Corriger le dossier"),
        [CorrectionsOverdueReminder] = new(
            "Échéance dépassée : corrections du dossier {reference} attendues le {dueOn}",
            ["Bonjour {name},", "Les corrections demandées sur votre candidature « {title} » étaient attendues le {dueOn} ({when}) et le dossier n'a pas été redéposé.", "Redéposez-le dès que possible : son instruction reste suspendue jusque-là."],
            "Corriger le dossier"),
        [CorrectionsOverdueEscalation] = new(
            "Corrections en retard sur le dossier {reference}",
            ["Bonjour {name},", "Le dossier {reference} « {title} » ({lead}) n'a pas été redéposé : les corrections que vous avez demandées étaient attendues le {dueOn} ({when})."],
            "Instruire le dossier"),
        [PaymentDueReminder] = new(
            "Échéance à mettre en paiement : convention « {title} »",
            ["Bonjour {name},", "L'échéance « {installment} » de {amount} ({funder}) de la convention « {title} » est payable depuis le {dueOn} ({when}) et n'est pas encore mise en paiement.", "Mettez-la en paiement depuis l'espace finances."],
            "Voir les échéances"),
        [ReportReturned] = new(
            "Compte rendu à compléter : {title}",
            ["Bonjour {name},", "Le {report} de votre projet « {title} » vous est renvoyé pour compléments.", "Observations : {comments}", "Déposez-le à nouveau au plus tard le {dueOn} ; passé cette date, les paiements de la convention sont suspendus."],
            "Compléter le compte rendu"),
        [ReportApproved] = new(
            "Compte rendu approuvé : {title}",
            ["Bonjour {name},", "Le {report} de votre projet « {title} » est approuvé.", "{released}"],
            "Voir le compte rendu"),
        [ReportRejected] = new(
            "Compte rendu rejeté : {title}",
            ["Bonjour {name},", "Le {report} de votre projet « {title} » est rejeté.", "Motif : {reason}", "Le solde correspondant n'est pas versé. Rapprochez-vous du chargé de mission qui suit votre convention."],
            "Voir le compte rendu"),
        [ReportSubmitted] = new(
            "Compte rendu déposé : {title}",
            ["Bonjour {name},", "{lead} a déposé le {report} de la convention « {title} ».", "Il attend votre examen : approuvez-le, renvoyez-le pour compléments avec une nouvelle échéance, ou rejetez-le."],
            "Examiner le compte rendu"),
        [BalanceReleased] = new(
            "Solde débloqué : convention « {title} »",
            ["Bonjour {name},", "Les comptes rendus de l'année {year} de la convention « {title} » ({lead}) sont approuvés : le solde de {amount} ({funder}) est débloqué.", "Il peut être mis en paiement depuis l'espace finances."],
            "Voir les échéances"),
    };

    public static IReadOnlyCollection<string> Names => Templates.Keys;

    public static RenderedMessage Render(string template, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var definition = Templates.TryGetValue(template, out var found)
            ? found
            : throw new ArgumentException($"Unknown notification template '{template}'.", nameof(template));
        var paragraphs = definition.Paragraphs.Select(p => Fill(p, data)).ToList();
        var link = data.TryGetValue("link", out var url) ? url : null;

        var text = string.Join("\n\n", paragraphs)
            + (link is null ? "" : $"\n\n{definition.LinkLabel} : {link}")
            + "\n\n-- \nPtceFunding — financement des pôles territoriaux de coopération économique";
        var html = "<!DOCTYPE html><html lang=\"fr\"><body>"
            + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + (link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(definition.LinkLabel)}</a></p>")
            + "<p>PtceFunding — financement des pôles territoriaux de coopération économique</p></body></html>";
        return new RenderedMessage(Fill(definition.Subject, data), text, html);
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> data) =>
        data.Aggregate(text, (current, pair) => current.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
}
