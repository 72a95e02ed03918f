using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrderEats.ServiceDefaults;

/// <summary>Reads OrderEats:ShutdownTimeout: how long an endpoint waits for in-flight messages on SIGTERM before cancelling them.</summary>
public static class ShutdownTimeoutSetting
{
    /// <summary>The configuration key (environment variable OrderEats__ShutdownTimeout).</summary>
    public const string Key = "OrderEats:ShutdownTimeout";

    /// <summary>The default, as in EndpointConfiguration.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    /// <summary>How much longer the host waits than the endpoints, so they can cancel and requeue what is left and close the transport.</summary>
    public static readonly TimeSpan HostMargin = TimeSpan.FromSeconds(10);

    /// <summary>The timeout from configuration: a time span ("00:00:45") or a number of seconds ("45"); <see cref="Default"/> when not set.</summary>
    public static TimeSpan Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw new InvalidOperationException($"{Key} is '{value}'; set a positive number of seconds (e.g. 45) or a time span (e.g. 00:00:45).");
    }
}
