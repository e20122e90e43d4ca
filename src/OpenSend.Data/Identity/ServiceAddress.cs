namespace OpenSend.Data.Identity;

/// <summary>The service's public address, for links in emails (OpenSend:PublicBaseUrl).</summary>
public sealed record ServiceAddress(string BaseUrl)
{
    public const string Default = "http://localhost:5080";

    public string Link(string path) => $"{BaseUrl.TrimEnd('/')}{path}";
}
