using MassTransit;
using Microsoft.Extensions.Logging;
using OrderEats.Benchmarks.EngineRuns;
using OrderEats.Benchmarks.Messages;

namespace OrderEats.Benchmarks.Peer;

/// <summary>
/// The peer in the same run: the chain written with MassTransit 8.5.12 (Apache-2.0, a benchmark-only dependency) on the same broker, a quorum
/// queue, the same concurrency and prefetch (3×) as raw-chain and engine-chain. The consumer sends the next hop (persistent, publisher
/// confirms: MassTransit's defaults) and MassTransit acks after the consumer returns.
/// </summary>
internal sealed class MassTransitChain(string amqpUri, int concurrency, int hops)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public Progress Progress { get; } = new();

    public async Task<Running> Start(string queue, CancellationToken cancellationToken = default)
    {
        var address = new Uri(amqpUri);
        var credentials = address.UserInfo.Split(':');
        // To the exchange the receive endpoint binds to its queue: a "queue:" address would declare the queue again without the quorum argument.
        var destination = new Uri("exchange:" + queue);
        // MassTransit logs through Microsoft.Extensions.Logging; warnings and errors go to stderr with the run's progress lines.
        LogContext.ConfigureCurrentLogContext(LoggerFactory.Create(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)));
        var bus = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(address.Host, (ushort)address.Port, "/", host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
                host.PublisherConfirmation = true;
            });
            bus.ReceiveEndpoint(queue, endpoint =>
            {
                endpoint.SetQuorumQueue();
                endpoint.PrefetchCount = concurrency * 3;
                endpoint.ConcurrentMessageLimit = concurrency;
                endpoint.ConfigureConsumeTopology = false;
                endpoint.Handler<ChainHop>(async context =>
                {
                    var hop = context.Message;
                    Progress.Increment();
                    if (hop.Hop < hops)
                    {
                        await context.Send(destination, hop with { Hop = hop.Hop + 1 });
                        return;
                    }

                    Progress.Latencies.Add(Clock.GetElapsedTime(hop.StartedTicks).TotalMilliseconds);
                    await context.Send(destination, new ChainHop(hop.Chain, 1, Clock.GetTimestamp()));
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        return new Running(bus, await bus.GetSendEndpoint(destination), amqpUri, queue);
    }

    /// <summary>A started bus: starts chains, and on dispose stops the bus and deletes what it declared.</summary>
    internal sealed class Running(IBusControl bus, ISendEndpoint send, string amqpUri, string queue) : IAsyncDisposable
    {
        private int disposed;

        public async Task StartChains(int chains, CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < chains; i++)
            {
                await send.Send(new ChainHop(i, 1, Clock.GetTimestamp()), cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1)
            {
                return;
            }

            await bus.StopAsync(TimeSpan.FromSeconds(30));
            // MassTransit binds the queue to an exchange of the same name; both go with the run.
            await using var rabbit = await Raw.RawRabbit.Connect(amqpUri, 1);
            await rabbit.DeleteQueues(queue);
            await rabbit.DeleteExchanges(queue);
        }
    }
}
