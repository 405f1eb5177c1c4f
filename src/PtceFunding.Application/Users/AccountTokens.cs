using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PtceFunding.Domain.Common;

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

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token Identity issued, or null when the text cannot be one.</summary>
    public static string? Decode(string encoded)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
