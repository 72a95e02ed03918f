using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;

namespace OrderEats.Console.Security;

/// <summary>
/// Behind a TLS-terminating proxy, takes the client address, scheme and host from X-Forwarded-For/-Proto/-Host, but only when the request
/// comes from one of Console:TrustedProxies (addresses or CIDR ranges). Then the session cookie is Secure, the Origin check compares the
/// public origin, and the login throttle counts the real client. Runs first in the pipeline.
/// </summary>
internal sealed class ForwardedHeadersSetup(IReadOnlyList<string> trustedProxies) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in trustedProxies)
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }

        app.UseForwardedHeaders(options);
        next(app);
    };

    /// <summary>Checks each entry; throws naming the one that is neither an IP address nor a CIDR range.</summary>
    public static IReadOnlyList<string> Parse(string? value)
    {
        var entries = (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var entry in entries)
        {
            if (!(entry.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _)))
            {
                throw new InvalidOperationException($"Console:TrustedProxies contains '{entry}', which is neither an IP address nor a CIDR range (e.g. 10.0.0.5 or 172.18.0.0/16).");
            }
        }

        return entries;
    }
}
