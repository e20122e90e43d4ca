using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using OpenSend.Data.Database;

namespace OpenSend.Web.Startup;

/// <summary>
/// Keeps ASP.NET Core Data Protection keys (which protect sign-in and form cookies) in the
/// database, so every instance of the app, and every restart, can read the others' cookies.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        return db.DataProtectionKeys.Select(k => k.Xml).AsEnumerable()
            .Where(x => !string.IsNullOrEmpty(x))
            .Select(x => XElement.Parse(x!))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
