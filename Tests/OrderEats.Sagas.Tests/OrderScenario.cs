using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;

namespace OrderEats.Sagas.Tests;

// One order driven through a TestableSaga on a virtual clock, with the replies each step of DESIGN §2 needs.
internal sealed class OrderScenario
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    public OrderScenario()
    {
        Saga = new TestableSaga<OrderSaga, OrderSagaData>(clock => new OrderSaga(new OrderSagaOptions
        {
            PaymentTimeout = PaymentTimeout,
            KitchenTimeout = KitchenTimeout,
            CancelledRetention = CancelledRetention,
            TimeProvider = clock,
        }), Start);
    }

    public static TimeSpan PaymentTimeout { get; } = TimeSpan.FromMinutes(5);

    public static TimeSpan KitchenTimeout { get; } = TimeSpan.FromMinutes(10);

    public static TimeSpan CancelledRetention { get; } = TimeSpan.FromHours(1);

    public TestableSaga<OrderSaga, OrderSagaData> Saga { get; }

    public Guid OrderId { get; } = Guid.NewGuid();

    public Guid CustomerId { get; } = Guid.NewGuid();

    public Guid RestaurantId { get; } = Guid.NewGuid();

    public Guid ChargeId { get; } = Guid.NewGuid();

    public Guid RefundId { get; } = Guid.NewGuid();

    public Money Total { get; } = new(23.50m, "EUR");

    public IReadOnlyList<OrderLine> Lines { get; } =
    [
        new(Guid.NewGuid(), "Margherita", 2, new Money(9.00m, "EUR")),
        new(Guid.NewGuid(), "Tiramisu", 1, new Money(5.50m, "EUR")),
    ];

    public StartOrder StartOrderMessage => new(OrderId, CustomerId, RestaurantId, Lines, Total);

    public OrderSagaData? Data => Saga.GetSagaData(OrderId);

    public Task<SagaHandleResult<OrderSagaData>> Place() =>
        Saga.Handle(StartOrderMessage, new TestableMessageHandlerContext { MessageId = "place-order-1", ReplyToAddress = "orders-api" });

    public Task<SagaHandleResult<OrderSagaData>> Charged() => Saga.Handle(new PaymentCharged(OrderId, ChargeId, Total));

    public Task<SagaHandleResult<OrderSagaData>> Declined(string reason = "Insufficient funds") => Saga.Handle(new PaymentDeclined(OrderId, reason));

    public Task<SagaHandleResult<OrderSagaData>> Refunded() => Saga.Handle(new PaymentRefunded(OrderId, RefundId, Total));

    public Task<SagaHandleResult<OrderSagaData>> Accepted() => Saga.Handle(new OrderAccepted(OrderId));

    public Task<SagaHandleResult<OrderSagaData>> Rejected(string reason = "Out of mozzarella") => Saga.Handle(new OrderRejected(OrderId, reason));

    public Task<SagaHandleResult<OrderSagaData>> Prepared() => Saga.Handle(new OrderPrepared(OrderId));

    public Task<SagaHandleResult<OrderSagaData>> CancelledByCustomer(string reason = "Changed my mind") => Saga.Handle(new CancelOrder(OrderId, reason));

    public async Task<OrderScenario> PlacedAndPaid()
    {
        await Place();
        await Charged();
        return this;
    }

    public async Task<OrderScenario> PlacedPaidAndAccepted()
    {
        await PlacedAndPaid();
        await Accepted();
        return this;
    }

    public async Task<SagaHandleResult<OrderSagaData>> PaymentTimesOut()
    {
        var fired = await Saga.AdvanceTime(PaymentTimeout);
        Assert.That(fired, Has.Count.EqualTo(1), "the payment timeout should fire exactly once");
        return fired[0];
    }

    public async Task<SagaHandleResult<OrderSagaData>> KitchenTimesOut()
    {
        var fired = await Saga.AdvanceTime(KitchenTimeout);
        Assert.That(fired, Has.Count.EqualTo(1), "the kitchen timeout should fire exactly once");
        return fired[0];
    }
}
