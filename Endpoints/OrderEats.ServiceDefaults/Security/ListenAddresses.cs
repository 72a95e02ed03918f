using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrderEats.ServiceDefaults.Security;

/// <summary>The addresses Kestrel will listen on, as configuration gives them (urls, http_ports, https_ports, Kestrel:Endpoints).</summary>
public static class ListenAddresses
{
    /// <summary>What Kestrel listens on when nothing is configured.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    /// <summary>The configured listen URLs; <see cref="KestrelDefault"/> when none is set.</summary>
    public static IReadOnlyList<string> FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = new List<string>();
        urls.AddRange(Split(configuration["urls"]));
        urls.AddRange(Split(configuration["http_ports"]).Select(port => string.Create(CultureInfo.InvariantCulture, $"http://*:{port}")));
        urls.AddRange(Split(configuration["https_ports"]).Select(port => string.Create(CultureInfo.InvariantCulture, $"https://*:{port}")));
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0));
        return urls.Count == 0 ? [KestrelDefault] : urls;
    }

    /// <summary>True when <paramref name="url"/> names a loopback host (localhost, 127.0.0.0/8, ::1); false for wildcards and other hosts.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? authority[..(close + 1)] : authority;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority[..colon] : authority;
        }

        return DevelopmentAccess.IsLoopbackHost(host);
    }

    private static string[] Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
