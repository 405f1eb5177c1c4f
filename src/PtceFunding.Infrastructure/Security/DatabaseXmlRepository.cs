using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Security;

/// <summary>
/// Keeps the data-protection key ring in the application's database (the package that does this,
/// Microsoft.AspNetCore.DataProtection.EntityFrameworkCore, is not served here — docs/adr/0013).
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PtceDbContext>();
        // The interface is synchronous; this runs once per key-ring refresh (about daily), never per request.
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PtceDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
