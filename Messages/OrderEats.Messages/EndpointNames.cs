namespace OrderEats.Messages;

/// <summary>
/// The names of the OrderEats endpoints: each is the endpoint's input queue and the service name of its database. Part of the wire contract
/// (commands are sent to these queues; docs/asyncapi.json lists them), so they are spelled here once.
/// </summary>
public static class EndpointNames
{
    /// <summary>Orders: places orders and runs the order saga (receives PlaceOrder, StartOrder, CancelOrder and the replies).</summary>
    public const string Orders = "orders";

    /// <summary>Payments: charges and refunds (receives ChargePayment, RefundPayment).</summary>
    public const string Payments = "payments";

    /// <summary>Kitchen: prepares orders (receives PrepareOrder).</summary>
    public const string Kitchen = "kitchen";

    /// <summary>Notifications: tells customers (subscribes to OrderConfirmed, OrderReady, OrderCancelled).</summary>
    public const string Notifications = "notifications";

    /// <summary>The operations console's own queue (default of Console:Queue), where endpoints report successful retries.</summary>
    public const string Console = "console";
}
