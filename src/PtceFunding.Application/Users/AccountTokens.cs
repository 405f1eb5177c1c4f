using System.Buffers.Text;
using System.Text;
using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Users;

/// <summary>
/// Identity's tokens travel in links: Base64Url-encoded so that they survive a query string and
/// an e-mail client untouched, decoded again when the link comes back.
/// </summary>
internal static class AccountTokens
{
    public const string ExpiredMessage = "Ce lien n'est plus valable : demandez-en un nouveau.";

    /// <summary>The refusal of a link that is wrong, tampered with, expired or already used — never saying which.</summary>
    public static Error Expired(string field) => Error.Validation(field, ExpiredMessage);

    public static string Encode(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    /// <summary>
    /// Writes to the outbox the e-mail that carries a token link to the account's owner. One per
    /// account and minute: a double click or a resubmitted form sends one e-mail (the first link stays
    /// valid, since issuing a token changes nothing on the account).
    /// </summary>
    public static Task Send(IPtceDbContext db, UserAccount user, Notice notice, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Enqueue(
            new OutgoingNotification(user.Id, user.Email!, notice with { Name = user.DisplayName }, NotificationChannels.Email, $"{notice.Template}:{user.Id}:{now:yyyyMMddHHmm}"),
            now,
            cancellationToken);

    /// <summary>The token Identity issued, or null when the text cannot be one.</summary>
    public static string? Decode(string encoded)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
