using System.Collections.Concurrent;
using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.Sagas;

[TestFixture]
public class When_a_saga_uses_a_custom_finder
{
    [Test]
    public async Task Should_handle_the_message_on_the_instance_the_finder_returns()
    {
        var orderId = Guid.NewGuid();
        var context = await Scenario.Define<Context>()
            .WithEndpoint<SagaEndpoint>(b => b
                .When(session => session.SendLocal(new StartOrder(orderId, "TRK-1")))
                .When(c => c.References.ContainsKey("TRK-1"), session => session.SendLocal(new ParcelScanned("TRK-1"))))
            .Done(c => c.HasProcessed<ParcelScanned>())
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.ScannedOrders, Is.EqualTo(new[] { orderId }));
            Assert.That(context.FinderCalls, Is.EqualTo(1));
            Assert.That(context.NotFound, Is.Zero);
        });
    }

    [Test]
    public async Task Should_treat_a_null_answer_as_no_instance()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<SagaEndpoint>(b => b.When(session => session.SendLocal(new ParcelScanned("UNKNOWN"))))
            .Done(c => c.HasProcessed<ParcelScanned>())
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.FinderCalls, Is.EqualTo(1));
            Assert.That(context.ScannedOrders, Is.Empty);
            Assert.That(context.NotFound, Is.EqualTo(1));
        });
    }

    public sealed class Context : ScenarioContext
    {
        public ConcurrentDictionary<string, Guid> References { get; } = new();

        public ConcurrentQueue<Guid> ScannedOrders { get; } = new();

        public int FinderCalls { get; set; }

        public int NotFound { get; set; }
    }

    public sealed record StartOrder(Guid OrderId, string TrackingNumber) : ICommand;

    public sealed record ParcelScanned(string TrackingNumber) : ICommand;

    public sealed class SagaEndpoint : EndpointConfigurationBuilder
    {
        public SagaEndpoint() => EndpointSetup();

        public sealed class ShippingData : ContainSagaData
        {
            public Guid OrderId { get; set; }

            public string? TrackingNumber { get; set; }
        }

        public sealed class ShippingSaga(Context scenario) : Saga<ShippingData>, IAmStartedByMessages<StartOrder>, IHandleMessages<ParcelScanned>
        {
            public Task Handle(StartOrder message, IMessageHandlerContext context)
            {
                Data.TrackingNumber = message.TrackingNumber;
                scenario.References[message.TrackingNumber] = message.OrderId;
                return Task.CompletedTask;
            }

            public Task Handle(ParcelScanned message, IMessageHandlerContext context)
            {
                scenario.ScannedOrders.Enqueue(Data.OrderId);
                return Task.CompletedTask;
            }

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<ShippingData> mapper)
            {
                mapper.MapSaga(d => d.OrderId).ToMessage<StartOrder>(m => m.OrderId);
                mapper.ConfigureFinderMapping<ParcelScanned, ByTrackingNumber>();
            }
        }

        // Looks the order up in a lookup the business keeps (here the scenario context), then loads the instance by its correlation value.
        public sealed class ByTrackingNumber(Context scenario) : ISagaFinder<ShippingData, ParcelScanned>
        {
            public async Task<ShippingData?> FindBy(ParcelScanned message, ISagaFinderContext<ShippingData> context, CancellationToken cancellationToken = default)
            {
                scenario.FinderCalls++;
                return scenario.References.TryGetValue(message.TrackingNumber, out var orderId)
                    ? await context.GetByCorrelationValue(orderId, cancellationToken)
                    : null;
            }
        }

        public sealed class NotFoundHandler(Context scenario) : IHandleSagaNotFound
        {
            public Task Handle(object message, IMessageHandlerContext context)
            {
                scenario.NotFound++;
                return Task.CompletedTask;
            }
        }
    }
}
