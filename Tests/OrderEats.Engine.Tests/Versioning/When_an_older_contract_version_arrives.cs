using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Tests.Acceptance;
using OrderEats.Engine.Transport;
using OrderEats.Engine.Versioning;

namespace OrderEats.Engine.Tests.Versioning;

// Version 1 of ShipOrder was {orderId, street}; version 2 renamed street to address and added priority (default "standard").
[TestFixture]
public class When_an_older_contract_version_arrives
{
    [Test]
    public async Task Should_upcast_a_version_1_body_before_the_handler_sees_it()
    {
        await using var harness = new EndpointHarness();
        await harness.Start("ver-shipping", Receiver);
        var orderId = Guid.NewGuid();

        await harness.RawTransport().Dispatch([TransportOperation.Send(Raw($$"""{"orderId":"{{orderId}}","street":"Main St 1"}""", version: null), "ver-shipping")]);
        var received = await harness.Signals.WaitFor<ShipOrder>("shipped");

        Assert.That(received, Is.EqualTo(new ShipOrder(orderId, "Main St 1", "standard")));
    }

    [Test]
    public async Task Should_stamp_the_version_on_sends_and_not_upcast_a_current_body()
    {
        await using var harness = new EndpointHarness();
        var watched = await harness.Watch("ver-watch");
        var receiver = await harness.Start("ver-shipping", Receiver);
        var sender = await harness.Start("ver-sender", c => c.Versioning.Version<ShipOrder>(2));
        var order = new ShipOrder(Guid.NewGuid(), "Side St 2", "express");

        await sender.Send(order, new SendOptions { Destination = "ver-shipping" });
        await sender.Send(order, new SendOptions { Destination = "ver-watch" });
        await receiver.Send(new Ping(), new SendOptions { Destination = "ver-watch" });
        var first = await watched.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        var second = await watched.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        var (onTheWire, ping) = first.Headers[Headers.EnclosedMessageTypes].Contains(nameof(Ping), StringComparison.Ordinal) ? (second, first) : (first, second);

        Assert.Multiple(async () =>
        {
            Assert.That(await harness.Signals.WaitFor<ShipOrder>("shipped"), Is.EqualTo(order));
            Assert.That(onTheWire.Headers[MessageVersioning.VersionHeader], Is.EqualTo("2"));
            Assert.That(ping.Headers[MessageVersioning.VersionHeader], Is.EqualTo("1"), "a message without a declared version is version 1");
        });
    }

    [Test]
    public async Task Should_move_a_body_that_cannot_be_upcast_to_error()
    {
        await using var harness = new EndpointHarness();
        var errors = await harness.Watch("error");
        await harness.Start("ver-shipping", Receiver);

        await harness.RawTransport().Dispatch([TransportOperation.Send(Raw("[1,2,3]", version: "1"), "ver-shipping")]);
        var failed = await errors.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

        Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain("could not be upcast"));
    }

    [Test]
    public void Should_load_saga_data_stored_before_a_property_was_added()
    {
        var serializer = new MessageSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var storedByVersion1 = """{"orderId":"6f1c2f0e-8d6b-4a53-9f3c-0c1f4f6b2a11","status":"Paid"}""";

        var loaded = (ShippingDataV2)serializer.DeserializeData(storedByVersion1, typeof(ShippingDataV2));

        Assert.That(loaded, Is.EqualTo(new ShippingDataV2 { OrderId = Guid.Parse("6f1c2f0e-8d6b-4a53-9f3c-0c1f4f6b2a11"), Status = "Paid", Attempts = 0, Courier = "unassigned" }));
    }

    private static void Receiver(EndpointConfiguration c)
    {
        c.AddHandler<ShipOrderHandler>();
        c.Versioning.Upcast<ShipOrder>(fromVersion: 1, json =>
        {
            json["address"] = json["street"]?.DeepClone();
            json.Remove("street");
            json["priority"] = "standard";
            return json;
        });
    }

    private static OutgoingMessage Raw(string body, string? version)
    {
        var id = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string> { [Headers.MessageId] = id, [Headers.EnclosedMessageTypes] = MessageTypeRegistry.ContractName(typeof(ShipOrder)) };
        if (version is not null)
        {
            headers[MessageVersioning.VersionHeader] = version;
        }

        return new OutgoingMessage(id, headers, Encoding.UTF8.GetBytes(body));
    }

    public sealed record ShipOrder(Guid OrderId, string Address, string Priority) : ICommand;

    public sealed record Ping : ICommand;

    public sealed record ShippingDataV2
    {
        public Guid OrderId { get; init; }

        public string Status { get; init; } = string.Empty;

        public int Attempts { get; init; }

        public string Courier { get; init; } = "unassigned";
    }

    public sealed class ShipOrderHandler(Signals signals) : IHandleMessages<ShipOrder>
    {
        public Task Handle(ShipOrder message, IMessageHandlerContext context)
        {
            signals.Set("shipped", message);
            return Task.CompletedTask;
        }
    }
}
