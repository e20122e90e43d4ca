using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenSend.Web.Security;

/// <summary>
/// Behind a reverse proxy the connection is the proxy's: the client's address and whether it used
/// HTTPS come in X-Forwarded-For and X-Forwarded-Proto. They are believed only from the proxies named
/// in OpenSend:ForwardedHeaders (KnownProxies: addresses; KnownNetworks: CIDR ranges; loopback always),
/// so rate limits count each client, the audit log records the client, HSTS is sent and links are
/// https://, while a client that is not a proxy cannot choose its own address.
/// </summary>
public static class ForwardedClients
{
    public static IServiceCollection AddOpenSendForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("OpenSend:ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var problems = proxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"OpenSend:ForwardedHeaders:KnownProxies has \"{p}\", which is not an IP address.")
            .Concat(networks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n => $"OpenSend:ForwardedHeaders:KnownNetworks has \"{n}\", which is not a CIDR range such as 10.0.0.0/24."))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
