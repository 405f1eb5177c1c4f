namespace PtceFunding.Application.Abstractions;

/// <summary>Seals a text for storage and opens it again (authenticated encryption with the platform's Data Protection keys).</summary>
public interface ISecretBox
{
    string Seal(string text);

    /// <summary>The text sealed by <see cref="Seal"/>; throws when it was not sealed here or was tampered with.</summary>
    string Open(string sealedText);
}
