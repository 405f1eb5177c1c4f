using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PtceFunding.Application.Organisations;

/// <summary>
/// The random tokens of invitation links. Only their SHA-256 is stored, so that whoever reads the
/// database (or a backup of it) cannot accept an invitation.
/// </summary>
internal static class InvitationTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}
