using OrderEats.Engine;
using OrderEats.Kitchen;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Kitchen;

/// <summary>Defence in depth: the kitchen opens no ticket for a PrepareOrder without lines; it goes to the error queue on its first attempt.</summary>
[TestFixture]
public class When_a_ticket_has_no_lines
{
    [Test]
    public async Task Should_refuse_it_and_open_no_ticket()
    {
        await using var harness = await KitchenHarness.Start(TestPersistence.Sqlite, KitchenMode.Auto);
        var orderId = Guid.NewGuid();

        await harness.Orders.Send(new PrepareOrder(orderId, Guid.NewGuid(), []), new SendOptions { Destination = EndpointNames.Kitchen });
        var failed = await harness.NextFailure();

        Assert.Multiple(async () =>
        {
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo(typeof(MessageContractException).FullName));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain("lines"));
            Assert.That(failed.Headers, Does.Not.ContainKey(Headers.DelayedRetries), "refused on the first attempt");
            Assert.That(await harness.Service<KitchenTickets>().Find(orderId), Is.Null);
        });
    }
}
