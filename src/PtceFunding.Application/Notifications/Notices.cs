namespace PtceFunding.Application.Notifications;

/// <summary>
/// The French messages the platform sends, one typed model each: a placeholder the wording uses is a property the
/// sender must give (a missing one does not compile). Dates are given as dates and written the French way here.
/// The recipient's name and the link are filled by the outbox writers (<see cref="Notice.Name"/>, <see cref="Notice.Link"/>).
/// </summary>
public static class Notices
{
    /// <summary>A staff member's account is open; the link (a password-reset token) lets them choose their own password.</summary>
    public sealed record StaffInvitation(string Role, string Funder) : Notice
    {
        public override bool CarriesCredential => true;

        public override string Subject => "Votre compte PtceFunding a été créé : choisissez votre mot de passe";

        protected override string LinkLabel => "Choisir mon mot de passe";

        protected override IEnumerable<string> Body =>
        [
            $"Un compte a été ouvert pour vous sur PtceFunding ({Role}, {Funder}).",
            "Choisissez votre mot de passe en suivant le lien ci-dessous, valable une journée ; vous vous connecterez ensuite avec cette adresse électronique. Si le lien a expiré, demandez à votre administrateur de vous inviter de nouveau, ou utilisez « Mot de passe oublié ? » sur la page de connexion.",
            "Personne d'autre que vous ne connaîtra ce mot de passe : l'administrateur qui a ouvert le compte ne le choisit pas.",
        ];
    }

    /// <summary>A welcome in the application for a staff member whose account is active (the demo seeds one each).</summary>
    public sealed record StaffWelcome(string Role, string Funder) : Notice
    {
        public override string Subject => "Bienvenue sur PtceFunding";

        protected override string LinkLabel => "Ouvrir PtceFunding";

        protected override IEnumerable<string> Body =>
        [
            $"Votre compte PtceFunding est actif ({Role}, {Funder}).",
            "Les notifications de la plateforme (dossiers, comptes rendus, échéances) s'affichent ici et vous sont aussi envoyées par courriel.",
        ];
    }

    /// <summary>The account's password was changed or reset (ASVS V2.2.3): its owner learns it, and what to do if it was not them.</summary>
    public sealed record PasswordChanged(string When) : Notice
    {
        public override string Subject => "Le mot de passe de votre compte PtceFunding a été changé";

        protected override string LinkLabel => "Choisir un nouveau mot de passe";

        protected override IEnumerable<string> Body =>
        [
            $"Le mot de passe de votre compte PtceFunding a été changé le {When}. Toutes vos sessions ouvertes ont été fermées.",
            "Si vous n'êtes pas à l'origine de ce changement, choisissez sans attendre un nouveau mot de passe avec « Mot de passe oublié ? » sur la page de connexion, et prévenez votre administrateur.",
        ];
    }

    /// <summary>The account was locked after repeated failed sign-ins: its owner learns it (nobody else is told).</summary>
    public sealed record AccountLocked(string Until) : Notice
    {
        public override string Subject => "Votre compte PtceFunding est temporairement verrouillé";

        protected override string LinkLabel => "Page de connexion";

        protected override IEnumerable<string> Body =>
        [
            $"Après plusieurs tentatives de connexion avec un mauvais mot de passe, votre compte PtceFunding est verrouillé jusqu'à {Until} ; vos sessions ouvertes ont été fermées.",
            "Si ces tentatives ne viennent pas de vous, quelqu'un essaie peut-être de deviner votre mot de passe : après le déverrouillage, ou dès maintenant avec « Mot de passe oublié ? », choisissez-en un nouveau, long et que vous n'utilisez nulle part ailleurs.",
        ];
    }

    public sealed record PasswordReset : Notice
    {
        public override bool CarriesCredential => true;

        public override string Subject => "Réinitialisation de votre mot de passe PtceFunding";

        protected override string LinkLabel => "Choisir un nouveau mot de passe";

        protected override IEnumerable<string> Body =>
        [
            "Une réinitialisation du mot de passe de votre compte PtceFunding a été demandée. Le lien ci-dessous est valable une journée.",
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
        ];
    }

    public sealed record EmailConfirmation : Notice
    {
        public override bool CarriesCredential => true;

        public override string Subject => "Confirmez votre adresse électronique";

        protected override string LinkLabel => "Confirmer mon adresse";

        protected override IEnumerable<string> Body =>
        [
            "Confirmez l'adresse électronique de votre compte PtceFunding en suivant le lien ci-dessous.",
        ];
    }

    public sealed record MembershipVerified(string Organisation) : Notice
    {
        public override string Subject => $"Vous pouvez agir pour {Organisation}";

        protected override string LinkLabel => "Accéder à PtceFunding";

        protected override IEnumerable<string> Body =>
        [
            $"Votre demande d'agir pour {Organisation} a été vérifiée par le chargé de mission de votre région.",
            "Vous pouvez désormais préparer et déposer des candidatures au nom de cette organisation.",
        ];
    }

    public sealed record MembershipRejected(string Organisation, string Reason) : Notice
    {
        public override string Subject => $"Votre demande d'agir pour {Organisation} n'a pas été acceptée";

        protected override string LinkLabel => "Accéder à PtceFunding";

        protected override IEnumerable<string> Body =>
        [
            $"Votre demande d'agir pour {Organisation} n'a pas été acceptée par le chargé de mission de votre région.",
            $"Motif : {Reason}",
            "Vous pouvez présenter une nouvelle demande avec les justificatifs attendus.",
        ];
    }

    public sealed record ApplicationAcknowledged(string Reference, string Title, string Call, string SubmittedAt, string Lead, string Session) : Notice
    {
        public override string Subject => $"Accusé de réception de votre candidature {Reference}";

        protected override string LinkLabel => "Voir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Votre candidature « {Title} » à l'appel « {Call} » a bien été déposée le {SubmittedAt}, au nom de {Lead}.",
            $"Numéro de dépôt : {Reference}.",
            $"{Session}",
            "Le dossier déposé ne peut plus être modifié ; vous serez informé de chaque étape de son instruction.",
        ];
    }

    public sealed record ContributorInvited(string Title, string Inviter, string Lead, string Organisation, string Call) : Notice
    {
        public override string Subject => $"Vous êtes invité à contribuer à la candidature « {Title} »";

        protected override string LinkLabel => "Ouvrir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"{Inviter} ({Lead}, chef de file) vous invite à contribuer, au nom de {Organisation}, au dossier de candidature « {Title} » à l'appel « {Call} ».",
        ];
    }

    public sealed record AccountAlreadyExists : Notice
    {
        public override string Subject => "Vous avez déjà un compte PtceFunding";

        protected override string LinkLabel => "Se connecter";

        protected override IEnumerable<string> Body =>
        [
            "Une inscription à PtceFunding vient d'être demandée avec cette adresse électronique, mais vous avez déjà un compte : aucun nouveau compte n'a été créé.",
            "Connectez-vous avec votre mot de passe habituel. Si vous l'avez oublié, choisissez-en un nouveau depuis la page de connexion (« Mot de passe oublié ? »).",
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte reste inchangé.",
        ];
    }

    public sealed record OrganisationInvitation(string Organisation, string Inviter, string Identifier, string Email, string Expires) : Notice
    {
        public override bool CarriesCredential => true;

        public override string Subject => $"Invitation à agir pour {Organisation} sur PtceFunding";

        protected override string Greeting => "Bonjour,";

        protected override string LinkLabel => "Voir l'invitation";

        protected override IEnumerable<string> Body =>
        [
            $"{Inviter} vous invite à agir pour {Organisation} ({Identifier}) sur PtceFunding, la plateforme de financement des pôles territoriaux de coopération économique.",
            $"Pour accepter, connectez-vous avec un compte porteur de projet ouvert à cette adresse électronique ({Email}) ; si vous n'en avez pas encore, créez-le depuis la page de connexion, confirmez votre adresse, puis ouvrez à nouveau ce lien.",
            $"L'invitation est valable jusqu'au {Expires}. Si vous ne connaissez pas {Inviter}, ignorez ce message.",
        ];
    }

    public sealed record ApplicationAccepted(string Reference, string Session, string Title, string Call, string Amounts, string Duration, string Conditions) : Notice
    {
        public override string Subject => $"Votre candidature {Reference} est retenue";

        protected override string LinkLabel => "Voir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Le comité de sélection réuni en session « {Session} » a retenu votre candidature « {Title} » à l'appel « {Call} ».",
            $"Financement accordé : {Amounts}, sur {Duration} an(s).",
            $"{Conditions}",
            "Le chargé de mission vous contactera pour préparer la convention de financement.",
        ];
    }

    public sealed record ApplicationRejected(string Reference, string Session, string Title, string Call, string Reasons) : Notice
    {
        public override string Subject => $"Votre candidature {Reference} n'est pas retenue";

        protected override string LinkLabel => "Voir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Le comité de sélection réuni en session « {Session} » n'a pas retenu votre candidature « {Title} » à l'appel « {Call} ».",
            $"Motifs : {Reasons}",
            "Vous pouvez présenter une nouvelle candidature lors d'une prochaine session.",
        ];
    }

    public sealed record ApplicationDeferred(string Reference, string Session, string Title, string Call, string Next, string Reasons) : Notice
    {
        public override string Subject => $"L'examen de votre candidature {Reference} est ajourné";

        protected override string LinkLabel => "Voir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Le comité de sélection réuni en session « {Session} » a ajourné l'examen de votre candidature « {Title} » à l'appel « {Call} ».",
            $"{Next}",
            $"{Reasons}",
        ];
    }

    public sealed record CorrectionsRequested(string Reference, string Title, string Call, string Items, DateOnly DueOn) : Notice
    {
        public override string Subject => $"Des corrections sont demandées sur votre dossier {Reference}";

        protected override string LinkLabel => "Corriger le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Le chargé de mission qui instruit votre candidature « {Title} » à l'appel « {Call} » vous demande les corrections suivantes :",
            $"{Items}",
            $"Corrigez le dossier puis redéposez-le au plus tard le {FrenchFormat.Date(DueOn)}. Son instruction reprendra à ce moment-là.",
        ];
    }

    public sealed record ApplicationIneligible(string Reference, string Title, string Call, string Reasons) : Notice
    {
        public override string Subject => $"Votre dossier {Reference} n'est pas éligible";

        protected override string LinkLabel => "Voir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Après examen, votre candidature « {Title} » à l'appel « {Call} » a été déclarée inéligible.",
            $"Motifs : {Reasons}",
        ];
    }

    public sealed record ApplicationResubmitted(string Reference, string Lead, string Title) : Notice
    {
        public override string Subject => $"Le dossier {Reference} a été redéposé";

        protected override string LinkLabel => "Instruire le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Le consortium ({Lead}, chef de file) a corrigé et redéposé le dossier « {Title} » que vous instruisez.",
        ];
    }

    public sealed record ReviewerAssigned(string Reference, string Officer, string Title, string Call) : Notice
    {
        public override string Subject => $"Expertise demandée : dossier {Reference}";

        protected override string LinkLabel => "Ouvrir l'expertise";

        protected override IEnumerable<string> Body =>
        [
            $"{Officer} vous confie l'expertise du dossier {Reference} « {Title} » déposé à l'appel « {Call} ».",
            "Avant d'accéder au contenu du dossier, déclarez l'absence ou l'existence d'un conflit d'intérêts avec lui.",
            "Vous noterez ensuite chaque critère de la grille d'évaluation, avec un commentaire, et rendrez votre avis.",
        ];
    }

    public sealed record ReviewerConflictDeclared(string Reference, string Reviewer, string Title, string Details) : Notice
    {
        public override string Subject => $"Conflit d'intérêts déclaré sur le dossier {Reference}";

        protected override string LinkLabel => "Voir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"{Reviewer}, expert désigné sur le dossier {Reference} « {Title} », déclare un conflit d'intérêts et se déporte : il n'a pas accès au dossier et ne rendra pas d'avis.",
            $"Motif déclaré : {Details}",
            "Désignez un autre expert si nécessaire.",
        ];
    }

    public sealed record AgreementSigned(string Title, DateOnly StartDate) : Notice
    {
        public override string Subject => $"La convention de votre projet « {Title} » est signée";

        protected override string LinkLabel => "Voir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Toutes les parties ont signé la convention pluriannuelle d'objectifs de votre projet « {Title} ».",
            $"Elle prend effet le {FrenchFormat.Date(StartDate)}.",
        ];
    }

    public sealed record BankDetailsSubmitted(string Organisation, string At, string Holder, string Iban) : Notice
    {
        public override string Subject => $"Nouvelles coordonnées bancaires saisies pour {Organisation}";

        protected override string LinkLabel => "Voir les coordonnées bancaires";

        protected override IEnumerable<string> Body =>
        [
            $"De nouvelles coordonnées bancaires ont été saisies pour {Organisation} le {At} : titulaire {Holder}, IBAN {Iban}.",
            "Elles ne prendront effet qu'après leur approbation par un gestionnaire financier ; d'ici là, les versements restent adressés aux coordonnées approuvées.",
            "Si personne de votre organisation n'est à l'origine de cette modification, signalez-le sans attendre au gestionnaire financier de votre région.",
        ];
    }

    public sealed record BankDetailsApproved(string Organisation, string Holder, string Iban, string At) : Notice
    {
        public override string Subject => $"Les coordonnées bancaires de {Organisation} sont approuvées";

        protected override string LinkLabel => "Voir les coordonnées bancaires";

        protected override IEnumerable<string> Body =>
        [
            $"Les coordonnées bancaires de {Organisation} (titulaire {Holder}, IBAN {Iban}) ont été approuvées le {At} par un gestionnaire financier.",
            "Les prochains versements y seront adressés.",
        ];
    }

    public sealed record BankDetailsRejected(string Organisation, string Holder, string Iban, string Reason) : Notice
    {
        public override string Subject => $"Les coordonnées bancaires saisies pour {Organisation} ne sont pas approuvées";

        protected override string LinkLabel => "Voir les coordonnées bancaires";

        protected override IEnumerable<string> Body =>
        [
            $"Les coordonnées bancaires saisies pour {Organisation} (titulaire {Holder}, IBAN {Iban}) n'ont pas été approuvées par le gestionnaire financier.",
            $"Motif : {Reason}",
            "Les versements restent adressés aux coordonnées précédemment approuvées, s'il y en a. Vous pouvez saisir des coordonnées corrigées.",
        ];
    }

    public sealed record AgreementAmended(string Number, string Title, string Kind, DateOnly EffectiveOn, string Reason, string Summary) : Notice
    {
        public override string Subject => $"Avenant n° {Number} à la convention de votre projet « {Title} »";

        protected override string LinkLabel => "Voir la convention";

        protected override IEnumerable<string> Body =>
        [
            $"L'avenant n° {Number} ({Kind}) à la convention pluriannuelle d'objectifs de votre projet « {Title} » a été enregistré ; il prend effet le {FrenchFormat.Date(EffectiveOn)}.",
            $"Objet : {Reason}",
            $"{Summary}",
            "Les échéances déjà mises en paiement ou payées sont conservées ; les autres sont recalculées selon les nouvelles conditions.",
        ];
    }

    public sealed record AgreementTerminated(string Title, DateOnly EffectiveOn, string Reason, string Summary) : Notice
    {
        public override string Subject => $"La convention de votre projet « {Title} » est résiliée";

        protected override string LinkLabel => "Voir la convention";

        protected override IEnumerable<string> Body =>
        [
            $"La convention pluriannuelle d'objectifs de votre projet « {Title} » est résiliée à compter du {FrenchFormat.Date(EffectiveOn)}.",
            $"Motif : {Reason}",
            $"{Summary}",
            "Les échéances non encore payées sont annulées.",
        ];
    }

    public sealed record ReportDueReminder(string Report, DateOnly DueOn, string Title, string When) : Notice
    {
        public override string Subject => $"Rappel : {Report} à déposer avant le {FrenchFormat.Date(DueOn)}";

        protected override string LinkLabel => "Déposer le compte rendu";

        protected override IEnumerable<string> Body =>
        [
            $"Le {Report} de la convention « {Title} » est à déposer sur PtceFunding au plus tard le {FrenchFormat.Date(DueOn)} ({When}).",
            "Renseignez les indicateurs et joignez les pièces demandées, puis déposez-le. Un compte rendu en retard suspend les versements de la convention.",
        ];
    }

    public sealed record ReportOverdueReminder(string Report, DateOnly DueOn, string Title, string When) : Notice
    {
        public override string Subject => $"Échéance dépassée : {Report} attendu le {FrenchFormat.Date(DueOn)}";

        protected override string LinkLabel => "Déposer le compte rendu";

        protected override IEnumerable<string> Body =>
        [
            $"Le {Report} de la convention « {Title} » était attendu le {FrenchFormat.Date(DueOn)} ({When}) et n'a pas été déposé.",
            "Tant qu'il est en retard, les versements de la convention sont suspendus. Déposez-le dès que possible.",
        ];
    }

    public sealed record ReportOverdueEscalation(string Title, string Report, string Lead, DateOnly DueOn, string When) : Notice
    {
        public override string Subject => $"Compte rendu en retard : convention « {Title} »";

        protected override string LinkLabel => "Voir la convention";

        protected override IEnumerable<string> Body =>
        [
            $"Le {Report} de la convention « {Title} » ({Lead}) était attendu le {FrenchFormat.Date(DueOn)} : il n'est toujours pas déposé ({When}).",
            "Les versements de la convention sont suspendus tant qu'il est en retard. Le chef de file a été relancé.",
        ];
    }

    public sealed record DraftDueReminder(string Title, DateOnly DueOn, string Call, string Session, string When) : Notice
    {
        public override string Subject => $"Rappel : candidature « {Title} » à déposer avant le {FrenchFormat.Date(DueOn)}";

        protected override string LinkLabel => "Ouvrir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Votre candidature « {Title} » à l'appel « {Call} » est encore en brouillon.",
            $"Pour être examinée à la session « {Session} », elle doit être déposée au plus tard le {FrenchFormat.Date(DueOn)} ({When}).",
        ];
    }

    public sealed record ReviewDueReminder(string Reference, DateOnly DueOn, string Title, string When) : Notice
    {
        public override string Subject => $"Rappel : avis d'expert sur le dossier {Reference} à remettre avant le {FrenchFormat.Date(DueOn)}";

        protected override string LinkLabel => "Ouvrir l'expertise";

        protected override IEnumerable<string> Body =>
        [
            $"Votre avis d'expert sur le dossier {Reference} « {Title} » est attendu au plus tard le {FrenchFormat.Date(DueOn)} ({When}).",
        ];
    }

    public sealed record ReviewOverdueReminder(string Reference, string Title, DateOnly DueOn, string When) : Notice
    {
        public override string Subject => $"Échéance dépassée : avis d'expert sur le dossier {Reference}";

        protected override string LinkLabel => "Ouvrir l'expertise";

        protected override IEnumerable<string> Body =>
        [
            $"Votre avis d'expert sur le dossier {Reference} « {Title} » était attendu le {FrenchFormat.Date(DueOn)} ({When}) et n'a pas été remis.",
            "Remettez-le dès que possible, ou déclarez un conflit d'intérêts si vous ne pouvez pas l'examiner.",
        ];
    }

    public sealed record ReviewOverdueEscalation(string Reference, string Reviewer, string Title, DateOnly DueOn, string When) : Notice
    {
        public override string Subject => $"Avis d'expert en retard sur le dossier {Reference}";

        protected override string LinkLabel => "Voir le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"{Reviewer}, expert que vous avez désigné sur le dossier {Reference} « {Title} », n'a pas remis son avis attendu le {FrenchFormat.Date(DueOn)} ({When}).",
            "Relancez-le ou désignez un autre expert si nécessaire.",
        ];
    }

    public sealed record CorrectionsDueReminder(string Reference, DateOnly DueOn, string Title, string When) : Notice
    {
        public override string Subject => $"Rappel : corrections du dossier {Reference} à déposer avant le {FrenchFormat.Date(DueOn)}";

        protected override string LinkLabel => "Corriger le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Des corrections ont été demandées sur votre candidature « {Title} ». Corrigez le dossier puis redéposez-le au plus tard le {FrenchFormat.Date(DueOn)} ({When}).",
        ];
    }

    public sealed record CorrectionsOverdueReminder(string Reference, DateOnly DueOn, string Title, string When) : Notice
    {
        public override string Subject => $"Échéance dépassée : corrections du dossier {Reference} attendues le {FrenchFormat.Date(DueOn)}";

        protected override string LinkLabel => "Corriger le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Les corrections demandées sur votre candidature « {Title} » étaient attendues le {FrenchFormat.Date(DueOn)} ({When}) et le dossier n'a pas été redéposé.",
            "Redéposez-le dès que possible : son instruction reste suspendue jusque-là.",
        ];
    }

    public sealed record CorrectionsOverdueEscalation(string Reference, string Title, string Lead, DateOnly DueOn, string When) : Notice
    {
        public override string Subject => $"Corrections en retard sur le dossier {Reference}";

        protected override string LinkLabel => "Instruire le dossier";

        protected override IEnumerable<string> Body =>
        [
            $"Le dossier {Reference} « {Title} » ({Lead}) n'a pas été redéposé : les corrections que vous avez demandées étaient attendues le {FrenchFormat.Date(DueOn)} ({When}).",
        ];
    }

    public sealed record PaymentDueReminder(string Title, string Installment, string Amount, string Funder, DateOnly DueOn, string When) : Notice
    {
        public override string Subject => $"Échéance à mettre en paiement : convention « {Title} »";

        protected override string LinkLabel => "Voir les échéances";

        protected override IEnumerable<string> Body =>
        [
            $"L'échéance « {Installment} » de {Amount} ({Funder}) de la convention « {Title} » est payable depuis le {FrenchFormat.Date(DueOn)} ({When}) et n'est pas encore mise en paiement.",
            "Mettez-la en paiement depuis l'espace finances.",
        ];
    }

    public sealed record ReportReturned(string Title, string Report, string Comments, DateOnly DueOn) : Notice
    {
        public override string Subject => $"Compte rendu à compléter : {Title}";

        protected override string LinkLabel => "Compléter le compte rendu";

        protected override IEnumerable<string> Body =>
        [
            $"Le {Report} de votre projet « {Title} » vous est renvoyé pour compléments.",
            $"Observations : {Comments}",
            $"Déposez-le à nouveau au plus tard le {FrenchFormat.Date(DueOn)} ; passé cette date, les paiements de la convention sont suspendus.",
        ];
    }

    public sealed record ReportApproved(string Title, string Report, string Released) : Notice
    {
        public override string Subject => $"Compte rendu approuvé : {Title}";

        protected override string LinkLabel => "Voir le compte rendu";

        protected override IEnumerable<string> Body =>
        [
            $"Le {Report} de votre projet « {Title} » est approuvé.",
            $"{Released}",
        ];
    }

    public sealed record ReportRejected(string Title, string Report, string Reason) : Notice
    {
        public override string Subject => $"Compte rendu rejeté : {Title}";

        protected override string LinkLabel => "Voir le compte rendu";

        protected override IEnumerable<string> Body =>
        [
            $"Le {Report} de votre projet « {Title} » est rejeté.",
            $"Motif : {Reason}",
            "Le solde correspondant n'est pas versé. Rapprochez-vous du chargé de mission qui suit votre convention.",
        ];
    }

    public sealed record ReportSubmitted(string Title, string Lead, string Report) : Notice
    {
        public override string Subject => $"Compte rendu déposé : {Title}";

        protected override string LinkLabel => "Examiner le compte rendu";

        protected override IEnumerable<string> Body =>
        [
            $"{Lead} a déposé le {Report} de la convention « {Title} ».",
            "Il attend votre examen : approuvez-le, renvoyez-le pour compléments avec une nouvelle échéance, ou rejetez-le.",
        ];
    }

    public sealed record BalanceReleased(string Title, string Year, string Lead, string Amount, string Funder) : Notice
    {
        public override string Subject => $"Solde débloqué : convention « {Title} »";

        protected override string LinkLabel => "Voir les échéances";

        protected override IEnumerable<string> Body =>
        [
            $"Les comptes rendus de l'année {Year} de la convention « {Title} » ({Lead}) sont approuvés : le solde de {Amount} ({Funder}) est débloqué.",
            "Il peut être mis en paiement depuis l'espace finances.",
        ];
    }
}
