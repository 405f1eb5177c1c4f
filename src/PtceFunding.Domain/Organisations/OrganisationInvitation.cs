namespace PtceFunding.Domain.Organisations;

/// <summary>
/// A verified user of an organisation invites a colleague, by e-mail, to act for it too. The link
/// sent carries a random token of which only a SHA-256 hash is kept; it is valid for 14 days and
/// for the account whose e-mail is the invited address. One invitation per organisation and address:
/// inviting again issues a new token, and the previous link stops working.
/// </summary>
public sealed class OrganisationInvitation : AggregateRoot
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(14);

    private OrganisationInvitation()
    {
    }

    public Guid Id { get; private set; }

    public OrganisationId OrganisationId { get; private set; }

    /// <summary>The invited address, trimmed and in lower case (addresses are compared without case).</summary>
    public string Email { get; private set; } = "";

    public Guid InvitedBy { get; private set; }

    public DateTime InvitedAt { get; private set; }

    /// <summary>Hex SHA-256 of the token of the last link sent; the token itself is never stored.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTime ExpiresAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public Guid? AcceptedBy { get; private set; }

    public bool IsAccepted => AcceptedAt is not null;

    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    public static OrganisationInvitation Issue(OrganisationId organisationId, string email, Guid invitedBy, string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganisationId = organisationId,
        Email = NormalizeEmail(email),
        InvitedBy = invitedBy,
        InvitedAt = now.UtcDateTime,
        TokenHash = tokenHash,
        ExpiresAt = (now + Validity).UtcDateTime,
    };

    public bool IsExpired(DateTimeOffset now) => now.UtcDateTime >= ExpiresAt;

    /// <summary>Sends the invitation again with a new token: the previous link no longer works, and the 14 days start over.</summary>
    public Result Reissue(Guid invitedBy, string tokenHash, DateTimeOffset now)
    {
        if (IsAccepted)
        {
            return Error.RuleBroken("invitation.already_accepted", "Cette personne a déjà accepté l'invitation : elle agit pour l'organisation.");
        }

        InvitedBy = invitedBy;
        InvitedAt = now.UtcDateTime;
        TokenHash = tokenHash;
        ExpiresAt = (now + Validity).UtcDateTime;
        return Result.Success();
    }

    /// <summary>The invited person accepts, signed in with the account of the invited address.</summary>
    public Result Accept(Guid userId, string userEmail, DateTimeOffset now)
    {
        if (IsAccepted)
        {
            return AcceptedBy == userId
                ? Result.Success()
                : Error.RuleBroken("invitation.already_accepted", "Cette invitation a déjà été acceptée.");
        }

        if (IsExpired(now))
        {
            return Error.RuleBroken("invitation.expired", "Cette invitation a expiré : demandez à votre collègue de vous inviter à nouveau.");
        }

        if (!string.Equals(NormalizeEmail(userEmail ?? ""), Email, StringComparison.Ordinal))
        {
            return Error.RuleBroken(
                "invitation.other_address",
                "Cette invitation a été adressée à une autre adresse électronique : connectez-vous avec le compte de l'adresse invitée.");
        }

        AcceptedAt = now.UtcDateTime;
        AcceptedBy = userId;
        return Result.Success();
    }
}
