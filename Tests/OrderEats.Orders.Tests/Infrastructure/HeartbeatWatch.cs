using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Orders.Tests.Infrastructure;

/// <summary>Reads the heartbeats endpoints send to a queue of a learning-transport folder, as the console would, as JSON.</summary>
public sealed class HeartbeatWatch : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Channel<JsonElement> heartbeats = Channel.CreateUnbounded<JsonElement>();
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().BuildServiceProvider();
    private ITransport? transport;
    private IAsyncDisposable? receiver;

    public static async Task<HeartbeatWatch> Start(string learningFolder, string queue)
    {
        var watch = new HeartbeatWatch();
        var configuration = new EndpointConfiguration("heartbeat-watch");
        configuration.UseLearningTransport(learningFolder);
        watch.transport = configuration.TransportFactory!(watch.services);
        await watch.transport.Setup(new TransportSetup(queue, "error", []));
        watch.receiver = await watch.transport.Receive(new ReceiveSettings(queue, 1, "error"), async (message, cancellationToken) =>
        {
            await watch.heartbeats.Writer.WriteAsync(JsonDocument.Parse(message.Body).RootElement.Clone(), cancellationToken);
            return ReceiveResult.Ack;
        });
        return watch;
    }

    /// <summary>The next heartbeat that <paramref name="wanted"/> accepts (earlier ones are skipped); fails after 30 s.</summary>
    public async Task<JsonElement> Next(Func<JsonElement, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var heartbeat = await heartbeats.Reader.ReadAsync(timeout.Token);
            if (wanted(heartbeat))
            {
                return heartbeat;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }

        if (transport is not null)
        {
            await transport.DisposeAsync();
        }

        await services.DisposeAsync();
    }
}
