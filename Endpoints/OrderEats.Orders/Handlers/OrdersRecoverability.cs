using OrderEats.Engine.Recoverability;

namespace OrderEats.Orders.Handlers;

// The default policy, except that a late duplicate StartOrder is discarded (logged) instead of retried or parked in the error queue.
internal static class OrdersRecoverability
{
    public static RecoverabilityAction Decide(RecoverabilityConfig config, ErrorContext context) => context.Exception is StaleStartOrderException stale
        ? RecoverabilityAction.Discard(stale.Message)
        : DefaultRecoverabilityPolicy.Invoke(config, context);
}
