namespace OpenSend.Web.Startup;

/// <summary>
/// Where the web app's files (appsettings, wwwroot, GOV.UK Frontend in node_modules) are. `dotnet run`
/// starts the app in the caller's directory (so data/opensend.db is shared with the CLI), which is
/// not the project directory; a published app keeps its files beside its assembly.
/// </summary>
public static class ContentRoot
{
    public static string? Find(string[] args)
    {
        // A host that says where the content root is (WebApplicationFactory, --contentRoot) wins.
        if (args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null)
        {
            return null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OpenSend.Web.csproj")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
