namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public sealed class When_configuring_the_endpoint
{
    [Test]
    public void Should_set_the_transport_factory()
    {
        var configuration = new EndpointConfiguration("orders");

        configuration.UseRabbitMq("amqp://guest:guest@localhost:5672/", options => options.QueueType = RabbitMqQueueType.Classic);

        Assert.That(configuration.TransportFactory, Is.Not.Null);
    }

    [Test]
    public void Should_reject_a_uri_that_is_not_amqp()
    {
        var configuration = new EndpointConfiguration("orders");

        Assert.That(() => configuration.UseRabbitMq("http://localhost:15672"), Throws.ArgumentException.With.Message.Contains("amqp://"));
    }

    [Test]
    public void Should_reject_a_prefetch_multiplier_below_one()
    {
        var configuration = new EndpointConfiguration("orders");

        Assert.That(
            () => configuration.UseRabbitMq("amqp://localhost", options => options.PrefetchMultiplier = 0),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("PrefetchMultiplier"));
    }
}
