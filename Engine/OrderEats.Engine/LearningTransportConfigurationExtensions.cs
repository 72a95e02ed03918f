using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Transport.Learning;

namespace OrderEats.Engine;

/// <summary>Configures the learning transport: queues are folders on disk, no broker to install.</summary>
public static class LearningTransportConfigurationExtensions
{
    /// <summary>
    /// Uses the file-based learning transport rooted at <paramref name="folder"/> (created if missing). Processes sharing the folder
    /// share the queues: run several instances of an endpoint on one folder to compete for its messages.
    /// </summary>
    public static EndpointConfiguration UseLearningTransport(this EndpointConfiguration configuration, string folder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var root = Path.GetFullPath(folder);
        configuration.UseTransport(serviceProvider =>
            new LearningTransport(
                root,
                serviceProvider.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System,
                serviceProvider.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? NullLoggerFactory.Instance));
        return configuration;
    }
}
