using OrderEats.Engine.Testing;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_a_saga_message_has_no_mapping
{
    [Test]
    public void Should_name_the_saga_the_message_and_the_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _ = new TestableSaga<UnmappedSaga, UnmappedSagaData>());
        Assert.That(
            error.Message,
            Is.EqualTo("Saga UnmappedSaga has no mapping for message CancelOrder. Add `.ToMessage<CancelOrder>(m => m.OrderId)` in ConfigureHowToFindSaga."));
    }

    [Test]
    public void Should_accept_the_order_saga_which_maps_every_message() =>
        Assert.DoesNotThrow(() => _ = new TestableSaga<OrderSaga, OrderSagaData>());
}
