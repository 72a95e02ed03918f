using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests.Cluster;

/// <summary>One private 3-node cluster for the tests in this namespace (never a broker someone else runs: these tests kill nodes).</summary>
[SetUpFixture]
public sealed class ClusterSetUpFixture
{
    private static RabbitMqCluster? cluster;

    /// <summary>The cluster.</summary>
    public static RabbitMqCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster starts in ClusterSetUpFixture; run the tests through NUnit.");

    [OneTimeSetUp]
    public async Task StartCluster() => cluster = await RabbitMqCluster.StartPrivateAsync(nodeCount: 3);

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
