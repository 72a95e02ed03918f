namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public sealed class When_parsing_broker_addresses
{
    [Test]
    public void Should_take_one_endpoint_per_node_from_a_comma_separated_list()
    {
        var addresses = BrokerAddresses.Parse("amqp://u:p@10.0.0.1:5672/shop, amqp://u:p@10.0.0.2:5673/shop,amqp://u:p@10.0.0.3/shop");

        Assert.Multiple(() =>
        {
            Assert.That(addresses.Endpoints.Select(e => $"{e.HostName}:{e.Port}"), Is.EqualTo(new[] { "10.0.0.1:5672", "10.0.0.2:5673", "10.0.0.3:5672" }));
            Assert.That(addresses.First.AbsolutePath, Is.EqualTo("/shop"));
            Assert.That(addresses.ToString(), Does.Not.Contain("p@"));
        });
    }

    [Test]
    public void Should_turn_on_tls_for_every_amqps_node_with_its_own_host_as_the_certificate_name()
    {
        var addresses = BrokerAddresses.Parse("amqps://u:p@rabbit-1/shop,amqps://u:p@rabbit-2:5999/shop");
        var plain = BrokerAddresses.Parse("amqp://u:p@rabbit-1/shop");

        Assert.Multiple(() =>
        {
            Assert.That(addresses.Endpoints.Select(e => (e.Ssl.Enabled, e.Ssl.ServerName, e.Port)), Is.EqualTo(new[] { (true, "rabbit-1", 5671), (true, "rabbit-2", 5999) }));
            Assert.That(plain.Endpoints.Single().Ssl.Enabled, Is.False);
        });
    }

    [Test]
    public void Should_reject_nodes_with_different_credentials_or_virtual_hosts_without_showing_the_password()
    {
        Assert.That(
            () => BrokerAddresses.Parse("amqp://u:secret@a:5672/one,amqp://u:secret@b:5672/two"),
            Throws.ArgumentException.With.Message.Contains("different brokers").And.Message.Not.Contains("secret"));
    }

    [Test]
    public void Should_reject_an_entry_that_is_not_an_amqp_uri()
    {
        Assert.That(() => BrokerAddresses.Parse("amqp://a:5672/,http://b:15672"), Throws.ArgumentException.With.Message.Contains("http://b:15672"));
    }
}
