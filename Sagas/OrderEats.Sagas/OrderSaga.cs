using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;

namespace OrderEats.Sagas;

/// <summary>
/// Takes one order from <see cref="StartOrder"/> (sent by Orders once the order was validated, priced and stored) to Completed or Cancelled: charge, kitchen, and compensation (a refund) whenever a charged order
/// cannot be delivered. Every message is idempotent: a duplicate finds the state already moved on and does nothing.
/// </summary>
public sealed partial class OrderSaga : Saga<OrderSagaData>,
    IAmStartedByMessages<StartOrder>,
    IHandleMessages<CancelOrder>,
    IHandleMessages<PaymentCharged>,
    IHandleMessages<PaymentDeclined>,
    IHandleMessages<PaymentRefunded>,
    IHandleMessages<OrderAccepted>,
    IHandleMessages<OrderRejected>,
    IHandleMessages<OrderPrepared>,
    IHandleTimeouts<PaymentTimeout>,
    IHandleTimeouts<KitchenTimeout>,
    IHandleTimeouts<CancelledRetentionExpired>
{
    private readonly OrderSagaOptions options;

    /// <summary>Creates the saga with the default <see cref="OrderSagaOptions"/>.</summary>
    public OrderSaga()
        : this(new OrderSagaOptions())
    {
    }

    /// <summary>Creates the saga with <paramref name="options"/>.</summary>
    public OrderSaga(OrderSagaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PaymentTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.KitchenTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CancelledRetention, TimeSpan.Zero, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        this.options = options;
    }

    /// <summary>Records the order, charges it and starts the payment timer. A duplicate (same OrderId) does nothing.</summary>
    public async Task Handle(StartOrder message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Data.PlacedAt is not null)
        {
            return;
        }

        Data.CustomerId = message.CustomerId;
        Data.RestaurantId = message.RestaurantId;
        Data.Lines = message.Lines;
        Data.Total = message.Total;
        Data.PlacedAt = options.TimeProvider.GetUtcNow();
        await ChangeStatus(context, OrderStatus.Submitted);
        await context.Send(new ChargePayment(Data.OrderId, Data.CustomerId, Data.Total));
        await RequestTimeout(context, options.PaymentTimeout, new PaymentTimeout());
    }

    /// <inheritdoc />
    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<OrderSagaData> mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        mapper.MapSaga(d => d.OrderId)
            .ToMessage<StartOrder>(m => m.OrderId)
            .ToMessage<CancelOrder>(m => m.OrderId)
            .ToMessage<PaymentCharged>(m => m.OrderId)
            .ToMessage<PaymentDeclined>(m => m.OrderId)
            .ToMessage<PaymentRefunded>(m => m.OrderId)
            .ToMessage<OrderAccepted>(m => m.OrderId)
            .ToMessage<OrderRejected>(m => m.OrderId)
            .ToMessage<OrderPrepared>(m => m.OrderId);
    }

    private Task ChangeStatus(IMessageHandlerContext context, OrderStatus status, string? reason = null)
    {
        Data.Status = status;
        return context.Publish(new OrderStatusChanged(Data.OrderId, status, reason, options.TimeProvider.GetUtcNow()));
    }

    // The one way a charged order is compensated: refund once, stop waiting for the kitchen, cancel when Payments confirms.
    private Task RequestRefund(IMessageHandlerContext context, string reason)
    {
        Data.CancellationReason ??= reason;
        Data.RefundRequested = true;
        CancelTimeouts<KitchenTimeout>();
        return context.Send(new RefundPayment(Data.OrderId, Data.ChargedAmount ?? Data.Total, Data.CancellationReason));
    }

    private async Task Cancel(IMessageHandlerContext context, string reason, bool refunded)
    {
        Data.CancellationReason ??= reason;
        await ChangeStatus(context, OrderStatus.Cancelled, Data.CancellationReason);
        await context.Publish(new OrderCancelled(Data.OrderId, Data.CustomerId, Data.CancellationReason, refunded));
    }
}
