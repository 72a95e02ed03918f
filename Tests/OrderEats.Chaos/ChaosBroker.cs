using OrderEats.TestInfrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Chaos;

/// <summary>The run's RabbitMQ: one private node, or a private cluster whose nodes can be killed one at a time.</summary>
internal sealed class ChaosBroker : IAsyncDisposable
{
    private readonly RabbitMqBroker? single;
    private readonly RabbitMqCluster? cluster;
    private int nextVictim;

    private ChaosBroker(RabbitMqBroker? single, RabbitMqCluster? cluster)
    {
        this.single = single;
        this.cluster = cluster;
    }

    /// <summary>What the services get in ORDEREATS_RABBITMQ: one URI, or every node's.</summary>
    public string AmqpUri => cluster?.AmqpUri ?? single!.AmqpUri;

    public int Nodes => cluster?.NodeNames.Count ?? 1;

    public static async Task<ChaosBroker> Start(int nodes) =>
        nodes > 1 ? new ChaosBroker(null, await RabbitMqCluster.StartPrivateAsync(nodes)) : new ChaosBroker(await RabbitMqBroker.StartPrivateAsync(), null);

    public string NodeName(int node) => cluster!.NodeNames[node];

    /// <summary>Stops the whole broker (every node, the orderly way).</summary>
    public Task Stop(CancellationToken cancellationToken = default) => cluster is not null ? cluster.Stop(cancellationToken) : single!.Stop(cancellationToken);

    /// <summary>Waits <paramref name="pause"/>, then starts the whole broker again.</summary>
    public async Task Start(TimeSpan pause, CancellationToken cancellationToken = default)
    {
        await Task.Delay(pause, cancellationToken);
        await (cluster is not null ? cluster.Start(cancellationToken) : single!.Start(cancellationToken));
    }

    /// <summary>kill -9 of the next node in turn; returns its index.</summary>
    public async Task<int> KillNode(CancellationToken cancellationToken = default)
    {
        var node = nextVictim++ % Nodes;
        await cluster!.KillNode(node, cancellationToken);
        return node;
    }

    /// <summary>After <paramref name="pause"/>, starts node <paramref name="node"/> again; completes once it rejoined and every quorum queue is whole.</summary>
    public async Task RestartNode(int node, TimeSpan pause, CancellationToken cancellationToken = default)
    {
        await Task.Delay(pause, cancellationToken);
        await cluster!.StartNode(node, cancellationToken);
    }

    /// <summary>Messages in the error queue and in its parking queue (what even the error queue's consumer could not take).</summary>
    public async Task<long> ErrorQueueDepth(CancellationToken cancellationToken = default)
    {
        var factory = new ConnectionFactory { Uri = new Uri(cluster?.RunningNodeUri ?? single!.AmqpUri) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        long total = 0;
        foreach (var queue in new[] { "error", "error.parked" })
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                total += (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
                // No such queue: nothing parked.
            }
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        if (single is not null)
        {
            await single.DisposeAsync();
        }
    }
}
