namespace PtceFunding.Domain.Committee;

/// <summary>
/// A committee member's declaration about one item of a session's agenda (déclaration de conflit
/// d'intérêts), made before the session opens. A member with a conflict is recused from that item:
/// they neither see its scores nor record its decision.
/// </summary>
public sealed class CommitteeConflict
{
    private CommitteeConflict()
    {
    }

    public CommitteeSessionId SessionId { get; private set; }

    public Guid MemberId { get; private set; }

    public FundingApplicationId ApplicationId { get; private set; }

    public bool HasConflict { get; private set; }

    public DateTime DeclaredAt { get; private set; }

    public static Result<CommitteeConflict> Declare(CommitteeSession session, Guid memberId, FundingApplicationId applicationId, bool hasConflict, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (AlreadyOpen(session) is { } refused)
        {
            return refused;
        }

        return new CommitteeConflict
        {
            SessionId = session.Id,
            MemberId = memberId,
            ApplicationId = applicationId,
            HasConflict = hasConflict,
            DeclaredAt = now.UtcDateTime,
        };
    }

    /// <summary>Until the session opens, a member may change their declaration.</summary>
    public Result Redeclare(CommitteeSession session, bool hasConflict, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Id != SessionId)
        {
            throw new ArgumentException("The declaration belongs to another session.", nameof(session));
        }

        if (AlreadyOpen(session) is { } refused)
        {
            return refused;
        }

        if (HasConflict != hasConflict)
        {
            HasConflict = hasConflict;
            DeclaredAt = now.UtcDateTime;
        }

        return Result.Success();
    }

    private static Error? AlreadyOpen(CommitteeSession session) => session.Status == SessionStatus.Planned
        ? null
        : Error.RuleBroken("session.already_open", "Les conflits d'intérêts se déclarent avant l'ouverture de la session.");
}
