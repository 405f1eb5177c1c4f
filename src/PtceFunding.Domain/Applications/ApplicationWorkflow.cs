namespace PtceFunding.Domain.Applications;

/// <summary>What can happen to an application, from its consortium, its officers or the committee.</summary>
public enum ApplicationAction
{
    Submit,
    RequestCorrections,
    Resubmit,
    ConfirmCompleteness,
    DeclareEligible,
    DeclareIneligible,
    Accept,
    Reject,
    Defer,
    Withdraw,
}

/// <summary>
/// The state machine of an application, as one table: every (state, action) pair allowed and the
/// state it leads to. Anything not in the table is refused with <c>application.transition_not_allowed</c>.
/// A decision (accept, reject, defer) may be recorded again on a decided application: it supersedes the
/// previous one, which is kept.
/// </summary>
public static class ApplicationWorkflow
{
    private static readonly Dictionary<(ApplicationStatus From, ApplicationAction Action), ApplicationStatus> Transitions = new()
    {
        [(ApplicationStatus.Draft, ApplicationAction.Submit)] = ApplicationStatus.Submitted,
        [(ApplicationStatus.Draft, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,

        [(ApplicationStatus.Submitted, ApplicationAction.RequestCorrections)] = ApplicationStatus.CorrectionsRequested,
        [(ApplicationStatus.Submitted, ApplicationAction.ConfirmCompleteness)] = ApplicationStatus.Complete,
        [(ApplicationStatus.Submitted, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,

        [(ApplicationStatus.CorrectionsRequested, ApplicationAction.Resubmit)] = ApplicationStatus.Submitted,
        [(ApplicationStatus.CorrectionsRequested, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,

        [(ApplicationStatus.Complete, ApplicationAction.RequestCorrections)] = ApplicationStatus.CorrectionsRequested,
        [(ApplicationStatus.Complete, ApplicationAction.DeclareEligible)] = ApplicationStatus.Eligible,
        [(ApplicationStatus.Complete, ApplicationAction.DeclareIneligible)] = ApplicationStatus.Ineligible,
        [(ApplicationStatus.Complete, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,

        [(ApplicationStatus.Eligible, ApplicationAction.Accept)] = ApplicationStatus.Accepted,
        [(ApplicationStatus.Eligible, ApplicationAction.Reject)] = ApplicationStatus.Rejected,
        [(ApplicationStatus.Eligible, ApplicationAction.Defer)] = ApplicationStatus.Eligible,
        [(ApplicationStatus.Eligible, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,

        // A superseding decision, while the session is open.
        [(ApplicationStatus.Accepted, ApplicationAction.Accept)] = ApplicationStatus.Accepted,
        [(ApplicationStatus.Accepted, ApplicationAction.Reject)] = ApplicationStatus.Rejected,
        [(ApplicationStatus.Accepted, ApplicationAction.Defer)] = ApplicationStatus.Eligible,
        [(ApplicationStatus.Rejected, ApplicationAction.Accept)] = ApplicationStatus.Accepted,
        [(ApplicationStatus.Rejected, ApplicationAction.Reject)] = ApplicationStatus.Rejected,
        [(ApplicationStatus.Rejected, ApplicationAction.Defer)] = ApplicationStatus.Eligible,
    };

    public static IReadOnlyDictionary<(ApplicationStatus From, ApplicationAction Action), ApplicationStatus> Table => Transitions;

    public static bool Allows(ApplicationStatus from, ApplicationAction action) => Transitions.ContainsKey((from, action));

    public static Result<ApplicationStatus> Next(ApplicationStatus from, ApplicationAction action) =>
        Transitions.TryGetValue((from, action), out var to)
            ? to
            : Error.RuleBroken("application.transition_not_allowed", $"Impossible de {Verb(action)} un dossier {InStatus(from)}.");

    /// <summary>The consortium may edit its application only while it is a draft or sent back for corrections.</summary>
    public static bool IsEditableByConsortium(ApplicationStatus status) => status is ApplicationStatus.Draft or ApplicationStatus.CorrectionsRequested;

    /// <summary>The one French label of a status: the domain's messages, the API and the pages all say it this way.</summary>
    public static string StatusLabel(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Brouillon",
        ApplicationStatus.Submitted => "Déposé",
        ApplicationStatus.Withdrawn => "Retiré",
        ApplicationStatus.CorrectionsRequested => "Corrections demandées",
        ApplicationStatus.Complete => "En instruction",
        ApplicationStatus.Eligible => "Éligible",
        ApplicationStatus.Ineligible => "Inéligible",
        ApplicationStatus.Accepted => "Retenu",
        ApplicationStatus.Rejected => "Non retenu",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>"un dossier au statut « Non retenu »", for messages.</summary>
    public static string InStatus(ApplicationStatus status) => $"au statut « {StatusLabel(status)} »";

    private static string Verb(ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => "déposer",
        ApplicationAction.RequestCorrections => "demander des corrections sur",
        ApplicationAction.Resubmit => "redéposer",
        ApplicationAction.ConfirmCompleteness => "déclarer complet",
        ApplicationAction.DeclareEligible => "déclarer éligible",
        ApplicationAction.DeclareIneligible => "déclarer inéligible",
        ApplicationAction.Accept => "retenir",
        ApplicationAction.Reject => "refuser",
        ApplicationAction.Defer => "ajourner",
        ApplicationAction.Withdraw => "retirer",
        _ => action.ToString(),
    };
}
