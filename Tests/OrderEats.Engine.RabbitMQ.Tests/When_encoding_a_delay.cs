namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public sealed class When_encoding_a_delay
{
    [Test]
    public void Should_spell_the_seconds_in_binary_most_significant_bit_first_then_the_queue()
    {
        var key = DelayInfrastructure.RoutingKey(5, "orders");

        Assert.Multiple(() =>
        {
            Assert.That(key, Is.EqualTo(string.Concat(Enumerable.Repeat("0.", 25)) + "1.0.1.orders"));
            Assert.That(DelayInfrastructure.StartLevel(5), Is.EqualTo(2));
        });
    }

    [Test]
    public void Should_accept_delays_of_years_up_to_the_top_level()
    {
        var eightYears = (long)TimeSpan.FromDays(365 * 8).TotalSeconds;

        Assert.Multiple(() =>
        {
            Assert.That(DelayInfrastructure.RoutingKey(eightYears, "orders"), Does.EndWith(".orders"));
            Assert.That(DelayInfrastructure.StartLevel(DelayInfrastructure.MaxDelaySeconds), Is.EqualTo(DelayInfrastructure.Levels - 1));
            Assert.That(() => DelayInfrastructure.RoutingKey(DelayInfrastructure.MaxDelaySeconds + 1, "orders"), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Should_round_up_to_whole_seconds_so_nothing_is_early()
    {
        var now = DateTimeOffset.UnixEpoch;

        Assert.Multiple(() =>
        {
            Assert.That(DelayInfrastructure.DelaySeconds(now.AddMilliseconds(1001), now), Is.EqualTo(2));
            Assert.That(DelayInfrastructure.DelaySeconds(now.AddSeconds(1), now), Is.EqualTo(1));
            Assert.That(DelayInfrastructure.DelaySeconds(now.AddSeconds(-3), now), Is.LessThanOrEqualTo(0));
        });
    }

    [Test]
    public void Should_bind_a_queue_by_its_exact_name_after_the_delay_words()
    {
        var binding = DelayInfrastructure.DeliveryBindingKey("orders.audit");

        Assert.That(binding.Split('.'), Has.Length.EqualTo(DelayInfrastructure.Levels + 2));
    }
}
