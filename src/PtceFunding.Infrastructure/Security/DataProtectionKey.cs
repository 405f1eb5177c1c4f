namespace PtceFunding.Infrastructure.Security;

/// <summary>
/// One ASP.NET Core data-protection key (it signs the sign-in cookie, bearer tokens and
/// anti-forgery tokens). Stored in the database so that every node shares the keys and a
/// restart signs nobody out. Never audited: the XML holds key material.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; init; }

    public string? FriendlyName { get; init; }

    public string Xml { get; init; } = "";
}
