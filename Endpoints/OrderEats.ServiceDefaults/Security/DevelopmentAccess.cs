using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace OrderEats.ServiceDefaults.Security;

/// <summary>
/// Whether the Development conveniences are on (default users, the token endpoint, committed keys): only in the Development environment
/// and only while every address the process listens on is a loopback address. Anything else counts as production, whatever the
/// environment is called.
/// </summary>
public sealed class DevelopmentAccess
{
    private DevelopmentAccess(bool enabled, string environment, IReadOnlyList<string> listenUrls, string reason)
    {
        IsEnabled = enabled;
        Environment = environment;
        ListenUrls = listenUrls;
        Reason = reason;
    }

    /// <summary>True when Development credentials may be used.</summary>
    public bool IsEnabled { get; }

    /// <summary>The environment name the process runs in.</summary>
    public string Environment { get; }

    /// <summary>The addresses the process is configured to listen on.</summary>
    public IReadOnlyList<string> ListenUrls { get; }

    /// <summary>Why Development credentials are on or off, for error messages and logs.</summary>
    public string Reason { get; }

    /// <summary>Reads the environment (ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT, --environment) and the listen addresses from configuration.</summary>
    public static DevelopmentAccess From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var environment = configuration[HostDefaults.EnvironmentKey] ?? configuration["ASPNETCORE_ENVIRONMENT"] ?? configuration["DOTNET_ENVIRONMENT"] ?? Environments.Production;
        var urls = ListenAddresses.FromConfiguration(configuration);
        if (!string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            return new DevelopmentAccess(false, environment, urls, $"the environment is {environment}, not Development");
        }

        var exposed = urls.Where(url => !ListenAddresses.IsLoopback(url)).ToList();
        return exposed.Count == 0
            ? new DevelopmentAccess(true, environment, urls, $"the environment is Development and the process listens on loopback only ({string.Join(", ", urls)})")
            : new DevelopmentAccess(false, environment, urls, $"the environment is Development but the process listens on {string.Join(", ", exposed)}, not on loopback only");
    }

    /// <summary>True when every address in <paramref name="addresses"/> is a loopback address.</summary>
    public static bool AllLoopback(IEnumerable<string> addresses) => addresses.All(ListenAddresses.IsLoopback);

    internal static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
