using System.Collections.Concurrent;
using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.RabbitMQ.Tests;

[TestFixture]
public class When_a_scenario_runs_on_RabbitMQ
{
    [Test]
    public async Task Should_play_a_saga_with_a_reply_an_explicit_subscription_and_a_captured_failure()
    {
        var orderId = Guid.NewGuid();
        var context = await Scenario.Define<Context>()
            .WithTransport(ScenarioTransport.RabbitMq(BrokerSetUpFixture.Broker.AmqpUri))
            .WithEndpoint<Shop>(b => b
                .When(async session => await session.Subscribe<OrderShipped>())
                .When(session => session.SendLocal(new PlaceOrder(orderId))))
            .WithEndpoint<Warehouse>(b => b.DoNotFailOnErrorMessages().When(session => session.SendLocal(new Damaged("box 7"))))
            .Done(c => c.Shipped.Contains(orderId) && c.FailedMessages.Count == 1)
            .Run(TimeSpan.FromSeconds(90));

        var failed = context.FailedMessages[Conventions.EndpointNamingConvention(typeof(Warehouse))].Single();
        Assert.Multiple(() =>
        {
            Assert.That(context.Completed, Is.EqualTo(new[] { orderId }));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Is.EqualTo("box 7 is damaged"));
            Assert.That(failed.Headers[Headers.InnerExceptionType], Is.EqualTo("System.IO.InvalidDataException"));
        });
    }

    public sealed class Context : ScenarioContext
    {
        public ConcurrentQueue<Guid> Completed { get; } = new();

        public ConcurrentQueue<Guid> Shipped { get; } = new();
    }

    public sealed record PlaceOrder(Guid OrderId) : ICommand;

    public sealed record ShipOrder(Guid OrderId) : ICommand;

    public sealed record ShipmentBooked(Guid OrderId) : IMessage;

    public sealed record OrderShipped(Guid OrderId) : IEvent;

    public sealed record Damaged(string Parcel) : ICommand;

    public sealed class Shop : EndpointConfigurationBuilder
    {
        public Shop() => EndpointSetup(c =>
        {
            c.AutoSubscribe = false;
            c.Routing.RouteToEndpoint(typeof(ShipOrder), typeof(Warehouse));
        });

        public sealed class OrderData : ContainSagaData
        {
            public Guid OrderId { get; set; }
        }

        public sealed class OrderSaga(Context scenario) : Saga<OrderData>, IAmStartedByMessages<PlaceOrder>, IHandleMessages<ShipmentBooked>
        {
            public Task Handle(PlaceOrder message, IMessageHandlerContext context) => context.Send(new ShipOrder(message.OrderId));

            public async Task Handle(ShipmentBooked message, IMessageHandlerContext context)
            {
                await context.Publish(new OrderShipped(Data.OrderId));
                scenario.Completed.Enqueue(Data.OrderId);
                MarkAsComplete();
            }

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<OrderData> mapper) =>
                mapper.MapSaga(d => d.OrderId).ToMessage<PlaceOrder>(m => m.OrderId).ToMessage<ShipmentBooked>(m => m.OrderId);
        }

        public sealed class ShippedHandler(Context scenario) : IHandleMessages<OrderShipped>
        {
            public Task Handle(OrderShipped message, IMessageHandlerContext context)
            {
                scenario.Shipped.Enqueue(message.OrderId);
                return Task.CompletedTask;
            }
        }
    }

    public sealed class Warehouse : EndpointConfigurationBuilder
    {
        public Warehouse() => EndpointSetup();

        // Replies with another order id: the reply finds the saga by the saga id header, not by its content.
        public sealed class ShipOrderHandler : IHandleMessages<ShipOrder>
        {
            public Task Handle(ShipOrder message, IMessageHandlerContext context) => context.Reply(new ShipmentBooked(Guid.NewGuid()));
        }

        public sealed class DamagedHandler : IHandleMessages<Damaged>
        {
            public Task Handle(Damaged message, IMessageHandlerContext context) =>
                throw new InvalidOperationException($"{message.Parcel} is damaged", new InvalidDataException("checksum mismatch"));
        }
    }
}
