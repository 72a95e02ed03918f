using Microsoft.Extensions.Configuration;
using OrderEats.Engine;
using OrderEats.ServiceDefaults;

namespace OrderEats.Deployment.Tests.Configuration;

/// <summary>ORDEREATS_RABBITMQ with every node of a cluster, and OrderEats:RabbitMqDeliveryLimit (docs/production.md).</summary>
[TestFixture]
public sealed class When_the_rabbitmq_settings_are_read
{
    [Test]
    public void Should_take_one_uri_per_cluster_node()
    {
        var options = Read(new() { ["ORDEREATS_RABBITMQ"] = "amqp://u:p@10.0.0.1:5672/,amqp://u:p@10.0.0.2:5672/,amqp://u:p@10.0.0.3:5672/" });

        Assert.That(() => new EndpointConfiguration("payments").UseConfiguredTransport(options), Throws.Nothing);
    }

    [Test]
    public void Should_refuse_cluster_nodes_with_different_credentials()
    {
        var options = Read(new() { ["ORDEREATS_RABBITMQ"] = "amqp://u:p@10.0.0.1:5672/,amqp://other:p@10.0.0.2:5672/" });

        Assert.That(() => new EndpointConfiguration("payments").UseConfiguredTransport(options), Throws.ArgumentException.With.Message.Contains("different brokers"));
    }

    [TestCase("75")]
    [TestCase("none")]
    public void Should_accept_a_delivery_limit_above_the_requeue_bound_or_none(string limit)
    {
        var options = Read(new() { ["ORDEREATS_RABBITMQ"] = "amqp://localhost/", ["OrderEats:RabbitMqDeliveryLimit"] = limit });

        Assert.Multiple(() =>
        {
            Assert.That(options.RabbitMqDeliveryLimit, Is.EqualTo(limit));
            Assert.That(() => new EndpointConfiguration("payments").UseConfiguredTransport(options), Throws.Nothing);
        });
    }

    [TestCase("10")]
    [TestCase("0")]
    [TestCase("lots")]
    public void Should_refuse_a_delivery_limit_requeues_would_reach(string limit)
    {
        Assert.That(
            () => Read(new() { ["ORDEREATS_RABBITMQ"] = "amqp://localhost/", ["OrderEats:RabbitMqDeliveryLimit"] = limit }),
            Throws.InvalidOperationException.With.Message.Contains("OrderEats:RabbitMqDeliveryLimit").And.Message.Contains(limit));
    }

    private static InfrastructureOptions Read(Dictionary<string, string?> settings) =>
        InfrastructureOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
