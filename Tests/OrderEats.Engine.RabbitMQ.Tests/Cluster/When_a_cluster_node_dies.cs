using System.Collections.Concurrent;
using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ.Tests.Cluster;

/// <summary>kill -9 of the node a transport is connected to, under load: it moves to another node; nothing is lost; the node rejoins.</summary>
[TestFixture]
public sealed class When_a_cluster_node_dies
{
    private const int Count = 120;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static RabbitMqCluster Cluster => ClusterSetUpFixture.Cluster;

    [TearDown]
    public async Task RestartKilledNodes()
    {
        for (var node = 0; node < Cluster.NodeNames.Count; node++)
        {
            if (!Cluster.IsRunning(node))
            {
                await Cluster.StartNode(node);
            }
        }
    }

    [Test]
    public async Task Should_replicate_quorum_queues_to_every_node()
    {
        await using var transport = TestTransports.Create(Cluster.AmqpUri);
        var queue = RabbitMqBroker.UniqueName("replicated");
        var errorQueue = RabbitMqBroker.UniqueName("error");
        await transport.Setup(new TransportSetup(queue, errorQueue, []));

        Assert.Multiple(async () =>
        {
            Assert.That(await Cluster.QuorumMembers(queue), Is.EquivalentTo(Cluster.NodeNames));
            Assert.That(await Cluster.QuorumMembers(errorQueue), Is.EquivalentTo(Cluster.NodeNames));
        });
    }

    [Test]
    public async Task Should_lose_nothing_when_the_publishing_node_and_then_the_consuming_node_are_killed()
    {
        await using var sender = TestTransports.Create(Cluster.AmqpUri);
        await using var receiver = TestTransports.Create(Cluster.AmqpUri);
        var queue = RabbitMqBroker.UniqueName("failover");
        await sender.Setup(new TransportSetup(queue, RabbitMqBroker.UniqueName("error"), []));
        var seen = new ConcurrentDictionary<string, bool>();
        var expected = 0;
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var pump = await receiver.Receive(new ReceiveSettings(queue, 4, "error"), (message, _) =>
        {
            seen.TryAdd(message.MessageId, true);
            if (seen.Count == Volatile.Read(ref expected))
            {
                allSeen.TrySetResult();
            }

            return Task.FromResult(ReceiveResult.Ack);
        });

        // The sender's node also leads the queue (declared through that connection): publisher failover plus a leader election.
        var sent = await SendWhileKilling(sender, queue, () => NodeOf(sender.DispatchNode));
        Volatile.Write(ref expected, sent.Count);
        await AllSeen(seen, sent, allSeen);
        await RestartKilledNodes();

        var secondSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        allSeen = secondSeen;
        var more = await SendWhileKilling(sender, queue, () => NodeOf(receiver.ReceiveNode));
        Volatile.Write(ref expected, sent.Count + more.Count);
        await AllSeen(seen, [.. sent, .. more], secondSeen);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Keys, Is.EquivalentTo(sent.Concat(more)));
            Assert.That(sender.IsHealthy && receiver.IsHealthy, Is.True);
        });
    }

    private static async Task<List<string>> SendWhileKilling(RabbitMqTransport sender, string queue, Func<int> victim)
    {
        var sent = new List<string>();
        Task? kill = null;
        for (var i = 0; i < Count; i++)
        {
            if (i == Count / 3)
            {
                var node = victim();
                await TestContext.Progress.WriteLineAsync($"killing node {Cluster.NodeNames[node]} after {i} messages");
                kill = Cluster.KillNode(node);
            }

            var message = TestMessages.New($"m{i}");
            using var timeout = new CancellationTokenSource(Timeout);
            await sender.Dispatch([TransportOperation.Send(message, queue)], timeout.Token);
            sent.Add(message.MessageId);
        }

        await kill!;
        return sent;
    }

    private static async Task AllSeen(ConcurrentDictionary<string, bool> seen, List<string> sent, TaskCompletionSource allSeen)
    {
        if (sent.All(seen.ContainsKey))
        {
            return;
        }

        try
        {
            await allSeen.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{sent.Count(id => !seen.ContainsKey(id))} of {sent.Count} messages did not arrive within {Timeout}.");
        }
    }

    private static int NodeOf(AmqpTcpEndpoint? endpoint)
    {
        Assert.That(endpoint, Is.Not.Null, "the transport is not connected");
        var index = Cluster.NodeUris.ToList().FindIndex(uri => new Uri(uri).Port == endpoint!.Port);
        Assert.That(index, Is.Not.Negative, $"no node listens on port {endpoint!.Port}");
        return index;
    }
}
