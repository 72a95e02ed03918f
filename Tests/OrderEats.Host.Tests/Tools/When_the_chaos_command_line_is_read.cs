using OrderEats.Chaos;

namespace OrderEats.Host.Tests.Tools;

[TestFixture]
public class When_the_chaos_command_line_is_read
{
    [Test]
    public void Should_read_the_options_tests_run_sh_passes()
    {
        var read = ChaosOptions.TryParse(
            ["--orders", "300", "--rate", "20", "--instances", "1", "--kills", "3", "--broker-cluster", "3", "--broker-node-kills", "1", "--db-crashes", "1",
                "--broker-restarts", "0", "--db-restarts", "0", "--settle-timeout", "180"],
            TextWriter.Null, TextWriter.Null, out var options, out _);

        Assert.That(read, Is.True);
        Assert.That(options, Is.EqualTo(new ChaosOptions
        {
            Orders = 300, Rate = 20, Instances = 1, Kills = 3, BrokerCluster = 3, BrokerNodeKills = 1, DbCrashes = 1, BrokerRestarts = 0, DbRestarts = 0,
            SettleTimeout = TimeSpan.FromSeconds(180),
        }));
    }

    [Test]
    public void Should_keep_the_defaults_of_options_not_given()
    {
        Assert.That(ChaosOptions.TryParse([], TextWriter.Null, TextWriter.Null, out var options, out _), Is.True);
        Assert.That(options, Is.EqualTo(new ChaosOptions()));
    }
}
