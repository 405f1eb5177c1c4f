namespace PtceFunding.Domain.Organisations;

/// <summary>Where a user's request to act for an organisation stands.</summary>
public enum MembershipStatus
{
    Pending = 0,
    Verified = 1,
    Rejected = 2,
}

/// <summary>
/// A user acting for an organisation. The first user of an organisation is verified by a program
/// officer of the organisation's region, on the strength of the justification given (e.g. a mandate);
/// an applicant acts only for the organisations they are verified for.
/// </summary>
public sealed class OrganisationMembership : AggregateRoot
{
    private OrganisationMembership()
    {
    }

    public Guid Id { get; private set; }

    public const string InvitationJustification = "Invité par un utilisateur vérifié de l'organisation.";

    public OrganisationId OrganisationId { get; private set; }

    public Guid UserId { get; private set; }

    public MembershipStatus Status { get; private set; }

    /// <summary>Why the user may act for the organisation (function, mandate), as they wrote it.</summary>
    public string Justification { get; private set; } = "";

    public DateTime RequestedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public string? DecisionReason { get; private set; }

    public static OrganisationMembership Request(OrganisationId organisationId, Guid userId, string justification, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganisationId = organisationId,
        UserId = userId,
        Status = MembershipStatus.Pending,
        Justification = justification.Trim(),
        RequestedAt = now.UtcDateTime,
    };

    /// <summary>
    /// A user who accepted the invitation of a verified user of the organisation: verified at once,
    /// on the word of that user (recorded as the one who decided).
    /// </summary>
    public static OrganisationMembership Invited(OrganisationId organisationId, Guid userId, Guid invitedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganisationId = organisationId,
        UserId = userId,
        Status = MembershipStatus.Verified,
        Justification = InvitationJustification,
        RequestedAt = now.UtcDateTime,
        DecidedAt = now.UtcDateTime,
        DecidedBy = invitedBy,
    };

    /// <summary>
    /// A user whose own request is still pending accepts an invitation: the request is verified by
    /// the inviting user. An already verified membership stays as it is.
    /// </summary>
    public Result AcceptInvitation(Guid invitedBy, DateTimeOffset now) => Status switch
    {
        MembershipStatus.Verified => Result.Success(),
        MembershipStatus.Pending => Decide(MembershipStatus.Verified, invitedBy, InvitationJustification, now),
        _ => Error.RuleBroken("membership.already_decided", "Cette demande a déjà été traitée."),
    };

    public Result Verify(Guid officerId, DateTimeOffset now) => Decide(MembershipStatus.Verified, officerId, null, now);

    public Result Reject(Guid officerId, string reason, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(reason)
            ? Error.Validation("Reason", "Indiquez le motif du refus : il est communiqué au demandeur.")
            : Decide(MembershipStatus.Rejected, officerId, reason.Trim(), now);

    private Result Decide(MembershipStatus outcome, Guid officerId, string? reason, DateTimeOffset now)
    {
        if (Status != MembershipStatus.Pending)
        {
            return Error.RuleBroken("membership.already_decided", "Cette demande a déjà été traitée.");
        }

        Status = outcome;
        DecidedBy = officerId;
        DecidedAt = now.UtcDateTime;
        DecisionReason = reason;
        Raise(new MembershipDecided(this, now));
        return Result.Success();
    }
}

/// <summary>An officer verified or refused someone's request to act for an organisation (<see cref="OrganisationMembership.Status"/> says which).</summary>
public sealed record MembershipDecided(OrganisationMembership Membership, DateTimeOffset At) : IDomainEvent;
