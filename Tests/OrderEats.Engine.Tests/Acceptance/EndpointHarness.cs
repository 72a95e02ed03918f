using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Acceptance;

/// <summary>Runs endpoints in-process on a private learning-transport folder with in-memory persistence, and reads the error queue.</summary>
public sealed class EndpointHarness : IAsyncDisposable
{
    private readonly List<EndpointInstance> endpoints = [];
    private readonly List<IAsyncDisposable> disposables = [];
    private readonly ServiceProvider services;

    public EndpointHarness()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ordereats-acceptance-" + Guid.NewGuid().ToString("N"));
        services = new ServiceCollection().AddLogging().AddSingleton(Signals).BuildServiceProvider();
    }

    public string Folder { get; }

    public Signals Signals { get; } = new();

    public IServiceProvider Services => services;

    public async Task<EndpointInstance> Start(string name, Action<EndpointConfiguration> configure)
    {
        var configuration = new EndpointConfiguration(name) { MaxConcurrency = 4 };
        configuration.UseLearningTransport(Folder);
        configuration.UseInMemoryPersistence();
        configuration.Recoverability.DelayedRetryBase = TimeSpan.FromMilliseconds(200);
        configuration.Recoverability.JitterFraction = 0;
        configure(configuration);
        var endpoint = await EndpointInstance.Start(configuration, services);
        endpoints.Add(endpoint);
        return endpoint;
    }

    /// <summary>A raw transport on the same folder, to inject and inspect messages as another process would.</summary>
    public ITransport RawTransport()
    {
        var configuration = new EndpointConfiguration("raw");
        configuration.UseLearningTransport(Folder);
        var transport = configuration.TransportFactory!(services);
        disposables.Add(transport);
        return transport;
    }

    /// <summary>Receives everything that arrives in <paramref name="queue"/> into a channel.</summary>
    public async Task<ChannelReader<IncomingMessage>> Watch(string queue)
    {
        var transport = RawTransport();
        await transport.Setup(new TransportSetup(queue, "error", []));
        var channel = Channel.CreateUnbounded<IncomingMessage>();
        var receiver = await transport.Receive(new ReceiveSettings(queue, 1, "error"), async (message, cancellationToken) =>
        {
            await channel.Writer.WriteAsync(message, cancellationToken);
            return ReceiveResult.Ack;
        });
        disposables.Insert(0, receiver);
        return channel.Reader;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var endpoint in endpoints)
        {
            await endpoint.Stop();
        }

        foreach (var disposable in disposables)
        {
            await disposable.DisposeAsync();
        }

        await services.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
