using OrderEats.Engine;
using OrderEats.Engine.Transport;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Ingestion;

/// <summary>The console's transport, created like any endpoint's (UseConfiguredTransport) so it follows the same configuration.</summary>
internal sealed class ConsoleTransport(InfrastructureOptions infrastructure, ConsoleOptions options, IServiceProvider services) : IAsyncDisposable
{
    private readonly Lazy<ITransport> transport = new(() =>
    {
        var configuration = new EndpointConfiguration(options.Queue);
        configuration.UseConfiguredTransport(infrastructure);
        return configuration.TransportFactory!(services);
    });

    public ITransport Transport => transport.Value;

    public ValueTask DisposeAsync() => transport.IsValueCreated ? transport.Value.DisposeAsync() : ValueTask.CompletedTask;
}
