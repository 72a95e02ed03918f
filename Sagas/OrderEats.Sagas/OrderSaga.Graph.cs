using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;

namespace OrderEats.Sagas;

// The state machine as the console draws it (DESIGN §2). The engine checks that every message named here is one the saga handles,
// so a handler removed or renamed breaks the startup instead of leaving a stale drawing.
[SagaStates(nameof(OrderSagaData.Status), nameof(OrderStatus.Completed), nameof(OrderStatus.Cancelled))]
[SagaTransition(SagaTransitionAttribute.Start, typeof(StartOrder), nameof(OrderStatus.Submitted))]
[SagaTransition(nameof(OrderStatus.Submitted), typeof(PaymentCharged), nameof(OrderStatus.Paid))]
[SagaTransition(nameof(OrderStatus.Submitted), typeof(PaymentDeclined), nameof(OrderStatus.Cancelled))]
[SagaTransition(nameof(OrderStatus.Submitted), typeof(PaymentTimeout), nameof(OrderStatus.Cancelled))]
[SagaTransition(nameof(OrderStatus.Submitted), typeof(CancelOrder), nameof(OrderStatus.Submitted))]
[SagaTransition(nameof(OrderStatus.Paid), typeof(OrderAccepted), nameof(OrderStatus.Accepted))]
[SagaTransition(nameof(OrderStatus.Paid), typeof(OrderPrepared), nameof(OrderStatus.Accepted))]
[SagaTransition(nameof(OrderStatus.Paid), typeof(OrderRejected), nameof(OrderStatus.Paid))]
[SagaTransition(nameof(OrderStatus.Paid), typeof(KitchenTimeout), nameof(OrderStatus.Paid))]
[SagaTransition(nameof(OrderStatus.Paid), typeof(CancelOrder), nameof(OrderStatus.Paid))]
[SagaTransition(nameof(OrderStatus.Paid), typeof(PaymentRefunded), nameof(OrderStatus.Cancelled))]
[SagaTransition(nameof(OrderStatus.Accepted), typeof(OrderPrepared), nameof(OrderStatus.Ready))]
[SagaTransition(nameof(OrderStatus.Ready), typeof(OrderPrepared), nameof(OrderStatus.Completed))]
[SagaTransition(nameof(OrderStatus.Cancelled), typeof(PaymentCharged), nameof(OrderStatus.Cancelled))]
[SagaTransition(nameof(OrderStatus.Cancelled), typeof(PaymentRefunded), nameof(OrderStatus.Cancelled))]
[SagaTransition(nameof(OrderStatus.Cancelled), typeof(CancelledRetentionExpired), nameof(OrderStatus.Cancelled))]
public sealed partial class OrderSaga
{
}
