namespace OrderEats.Engine.Tests.Routing;

[TestFixture]
public class When_options_are_set_the_NServiceBus_way
{
    [Test]
    public void Should_set_the_same_properties_as_the_property_style()
    {
        var send = new SendOptions();
        send.SetMessageId("m-1");
        send.SetHeader("Tenant", "eu");
        send.SetDestination("payments");
        send.DoNotDeliverBefore(DateTimeOffset.UnixEpoch);
        send.DelayDeliveryWith(TimeSpan.FromMinutes(2));
        var reply = new ReplyOptions();
        reply.SetDestination("originator");

        Assert.Multiple(() =>
        {
            Assert.That(send.MessageId, Is.EqualTo("m-1"));
            Assert.That(send.Headers["Tenant"], Is.EqualTo("eu"));
            Assert.That(send.Destination, Is.EqualTo("payments"));
            Assert.That(send.DeliveryDelay, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(send.DeliverAt, Is.Null, "the last of DelayDeliveryWith and DoNotDeliverBefore wins");
            Assert.That(reply.Destination, Is.EqualTo("originator"));
        });
    }
}
