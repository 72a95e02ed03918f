namespace OrderEats.Host.Tests;

[TestFixture]
public class When_the_command_line_is_read
{
    [Test]
    public void Should_default_to_run_and_map_infrastructure_options_to_configuration()
    {
        var line = CommandLine.Parse(["--transport", "rabbitmq", "--rabbitmq", "amqp://localhost", "--persistence", "postgresql"]);

        Assert.Multiple(() =>
        {
            Assert.That(line.Command, Is.EqualTo("run"));
            Assert.That(line.InfrastructureOverrides(), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["OrderEats:Transport"] = "rabbitmq",
                ["OrderEats:RabbitMq"] = "amqp://localhost",
                ["OrderEats:Persistence"] = "postgresql",
            }));
        });
    }

    [Test]
    public void Should_read_the_demo_options()
    {
        var line = CommandLine.Parse(["demo", "--orders", "500", "--keep-data"]);
        Assert.Multiple(() =>
        {
            Assert.That(line.Command, Is.EqualTo("demo"));
            Assert.That(line.GetInt("orders", 100), Is.EqualTo(500));
            Assert.That(line.Has("keep-data"), Is.True);
        });
    }

    [Test]
    public void Should_refuse_a_non_numeric_order_count() =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["demo", "--orders", "many"]).GetInt("orders", 100));
}
