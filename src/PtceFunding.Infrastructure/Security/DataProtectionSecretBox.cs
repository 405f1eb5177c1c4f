using Microsoft.AspNetCore.DataProtection;

namespace PtceFunding.Infrastructure.Security;

/// <summary>The secret box on ASP.NET Core Data Protection, one purpose for the outbox's sensitive messages.</summary>
internal sealed class DataProtectionSecretBox(IDataProtectionProvider provider) : ISecretBox
{
    private readonly IDataProtector _protector = provider.CreateProtector("PtceFunding.Notifications.Sensitive.v1");

    public string Seal(string text) => _protector.Protect(text);

    public string Open(string sealedText) => _protector.Unprotect(sealedText);
}
