using System.Diagnostics.CodeAnalysis;

namespace PtceFunding.Domain.Agreements;

/// <summary>Where an agreement stands; the transitions are the table of <see cref="AgreementWorkflow"/>.</summary>
public enum AgreementStatus
{
    Draft = 0,

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "\"Signed\" is the business state (signée), not a type.")]
    Signed = 1,
    Active = 2,
    Completed = 3,
    TerminatedEarly = 4,
}

/// <summary>What can happen to an agreement.</summary>
public enum AgreementAction
{
    Sign,
    Activate,
    Amend,
    Complete,
    Terminate,
}

/// <summary>
/// The state machine of an agreement, as one table: every (state, action) pair allowed and the state it
/// leads to. Anything not in the table is refused with <c>agreement.transition_not_allowed</c>.
/// <see cref="AgreementAction.Sign"/> leads to <see cref="AgreementStatus.Signed"/> once every party has
/// signed; until then each signature is recorded and the agreement stays a draft.
/// </summary>
public static class AgreementWorkflow
{
    private static readonly Dictionary<(AgreementStatus From, AgreementAction Action), AgreementStatus> Transitions = new()
    {
        [(AgreementStatus.Draft, AgreementAction.Sign)] = AgreementStatus.Signed,

        [(AgreementStatus.Signed, AgreementAction.Activate)] = AgreementStatus.Active,
        [(AgreementStatus.Signed, AgreementAction.Amend)] = AgreementStatus.Signed,
        [(AgreementStatus.Signed, AgreementAction.Terminate)] = AgreementStatus.TerminatedEarly,

        [(AgreementStatus.Active, AgreementAction.Amend)] = AgreementStatus.Active,
        [(AgreementStatus.Active, AgreementAction.Complete)] = AgreementStatus.Completed,
        [(AgreementStatus.Active, AgreementAction.Terminate)] = AgreementStatus.TerminatedEarly,
    };

    public static IReadOnlyDictionary<(AgreementStatus From, AgreementAction Action), AgreementStatus> Table => Transitions;

    public static bool Allows(AgreementStatus from, AgreementAction action) => Transitions.ContainsKey((from, action));

    public static Result<AgreementStatus> Next(AgreementStatus from, AgreementAction action) =>
        Transitions.TryGetValue((from, action), out var to)
            ? to
            : Error.RuleBroken("agreement.transition_not_allowed", $"Impossible de {Verb(action)} une convention {StatusLabel(from).ToLowerInvariant()}.");

    /// <summary>The one French label of a status: the API's statusLabel and the pages say it this way; messages lower-case it.</summary>
    public static string StatusLabel(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "En projet",
        AgreementStatus.Signed => "Signée",
        AgreementStatus.Active => "En cours d'exécution",
        AgreementStatus.Completed => "Achevée",
        AgreementStatus.TerminatedEarly => "Résiliée",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string Verb(AgreementAction action) => action switch
    {
        AgreementAction.Sign => "signer",
        AgreementAction.Activate => "mettre en exécution",
        AgreementAction.Amend => "modifier par avenant",
        AgreementAction.Complete => "clore",
        AgreementAction.Terminate => "résilier",
        _ => action.ToString(),
    };
}
